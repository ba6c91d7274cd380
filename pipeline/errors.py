"""The project's exception family.

Every error the pipeline raises on purpose is a :class:`DiploError`. Each
concrete error also subclasses the matching built-in, so callers that catch
``ValueError`` or ``FileNotFoundError`` keep working. Messages name the file or
argument, what was expected and what was found; the CLI prints them as one
line and exits with status 2.
"""

from __future__ import annotations


class DiploError(Exception):
    """Base class of all errors raised on purpose by the pipeline."""

    exit_code = 2


class InputError(DiploError, ValueError):
    """An input article cannot be used (empty, binary, undecodable, no Arabic)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class InputNotFoundError(DiploError, FileNotFoundError):
    """An input path does not exist or is not a file."""

    def __init__(self, source: str, problem: str = "no such file") -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class StructureError(DiploError, ValueError):
    """The article decoded but a required part (e.g. an abstract) is missing."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class OutputError(DiploError, OSError):
    """An output file or folder cannot be written (not a folder, no permission, disk full)."""

    def __init__(self, target: str, problem: str) -> None:
        self.target = target
        self.problem = problem
        super().__init__(f"{target}: {problem}")


class ConfigError(DiploError, ValueError):
    """The pipeline configuration is invalid (unknown stage, missing requirement, bad value)."""


class ModelError(DiploError, OSError):
    """A model directory is missing, corrupt, untrusted or of the wrong version."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class SchemaError(DiploError, ValueError):
    """A JSON document does not match the article schema."""
