import json, subprocess, re
D='/work/shared/data/arabic-text/'
def incorpus(t):
    t=t.strip()
    m=len(t)//2
    piece=t[max(0,m-15):max(0,m-15)+30]
    r=subprocess.run(['grep','-rlF','--',piece,'/work/main/corpus/'],capture_output=True,text=True)
    return r.stdout.strip()
out=[]; log=[]
ant=open(D+'ant-corpus-v1.1-politics-intl/docs.jsonl').read().split('\n')
base=1502; n=0; i=base
while n<25:
    d=json.loads(ant[i])
    lines=[l for l in d['text'].split('\n') if l.strip()]
    good=[l for l in lines if len(l)>=40][:2]
    if len(good)<2: print(f'ant {i}: <2 lines>=40, skipped'); i+=1; continue
    hits=[incorpus(l) for l in good]
    if any(hits): print(f'ant {i}: in corpus {hits}, skipped'); i+=1; continue
    sk=[l for l in lines[:lines.index(good[1])] if len(l)<40]
    if sk: print(f'ant {i}: short lines skipped {sk}')
    for k,l in enumerate(good,1):
        out.append(dict(id=f'ant-{i}-p{k}',source_doc=d['id'],lang='ar',text=l,entities=[]))
    n+=1; base+=10; i=base
un=open(D+'un-parallel-corpus-v1.0-testsets/docs.jsonl').read().split('\n')
def capok(en):
    toks=en.split()
    return any(re.sub(r'^[^\w]+','',t)[:1].isupper() for t in toks[1:])
base=1202; n=0; i=base
while n<25:
    d=json.loads(un[i])
    pair=next((s for s in d['sentences'] if capok(s['en'])),None)
    if pair is None: print(f'un {i}: no qualifying pair, skipped'); i+=1; continue
    hits=[incorpus(pair['ar']),incorpus(pair['en'])]
    if any(hits): print(f'un {i}: in corpus {hits}, skipped'); i+=1; continue
    out.append(dict(id=f'un-{i}-ar',source_doc=d['id'],lang='ar',text=pair['ar'],entities=[]))
    out.append(dict(id=f'un-{i}-en',source_doc=d['id'],lang='en',text=pair['en'],entities=[]))
    n+=1; base+=10; i=base
with open('/work/s18/nerheld4/raw_items.jsonl','w') as f:
    for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
print('\n'.join(log)); print(len(out))
