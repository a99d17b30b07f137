"""Validate data against the JSON Schemas shipped in `schemas/`.

The same schema files serve editors (YAML language support) and the build,
so there is one source of truth. Errors become editor-friendly `Problem`s.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ..errors import Problem
from .yamlfile import Document

SCHEMAS = ("post", "author", "persona", "spokes")

_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of 'field: value' lines",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "empty",
}


@cache
def schema(name: str) -> dict:
    """The parsed JSON Schema called `name` (post, author, persona)."""
    text = (
        resources.files("hubspoke.core.content")
        .joinpath("schemas", f"{name}.schema.json")
        .read_text()
    )
    return json.loads(text)


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name))


def fields(name: str) -> set[str]:
    """The top-level fields the schema `name` describes."""
    return set(schema(name).get("properties", {}))


def validate(name: str, path: str, document: Document) -> list[Problem]:
    """Every schema problem of a parsed document, one per field."""
    problems: dict[str, Problem] = {}
    errors = sorted(_validator(name).iter_errors(document.data), key=lambda e: list(e.path))
    for error in errors:
        error = _specific(error)
        field = _field(error)
        if field in problems:
            continue
        top = field.split(".", 1)[0] if field else None
        problems[field] = Problem(
            path, document.line(top), field or None, _message(name, error, field)
        )
    return list(problems.values())


def _specific(error: ValidationError) -> ValidationError:
    """For 'one of these forms' errors, the error of the form the value was closest to."""
    while error.validator in ("oneOf", "anyOf") and error.context:
        matching = [e for e in error.context if e.validator != "type"]
        error = best_match(matching or error.context)
    return error


def _field(error: ValidationError) -> str:
    parts = [str(p) for p in error.absolute_path]
    if error.validator == "required":
        missing = _missing(error)
        if missing:
            parts.append(missing)
    return ".".join(parts)


def _missing(error: ValidationError) -> str | None:
    required = error.validator_value if isinstance(error.validator_value, list) else []
    present = error.instance if isinstance(error.instance, dict) else {}
    return next((key for key in required if key not in present), None)


def _message(name: str, error: ValidationError, field: str) -> str:
    hint = _description(name, field)
    kind = error.validator
    value = error.instance
    if kind == "required":
        text = "is missing"
    elif kind == "additionalProperties":
        known = sorted(schema(name).get("properties", {}))
        extra = sorted(set(value) - set(known)) if isinstance(value, dict) else []
        word = extra[0] if extra else "?"
        close = difflib.get_close_matches(word, known, n=1)
        suggestion = (
            f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(known)}"
        )
        return f"'{word}' is not a known field{suggestion}"
    elif kind == "type":
        expected = error.validator_value
        types = expected if isinstance(expected, list) else [expected]
        names = " or ".join(_TYPE_NAMES.get(str(t), str(t)) for t in types)
        text = f"must be {names}, not {_describe(value)}"
    elif kind in ("enum", "const"):
        allowed = error.validator_value
        options = allowed if kind == "enum" and isinstance(allowed, list) else [allowed]
        text = f"must be one of {', '.join(map(str, options))}, not {value!r}"
    elif kind in ("minLength", "minItems", "minProperties"):
        text = "must not be empty"
    elif kind in ("maxLength", "maxItems"):
        text = f"is too long (at most {error.validator_value})"
    elif kind in ("minimum", "maximum"):
        text = f"is out of range ({value!r})"
    elif kind == "uniqueItems":
        text = "lists the same item twice"
    elif kind == "pattern":
        text = f"has the wrong form: {_short(value)}"
    elif kind == "propertyNames":
        text = f"has a name of the wrong form: {_short(value)}"
    else:
        text = f"has the wrong form: {_short(value)}"
    return f"{text}. Expected: {hint}" if hint else text


def _description(name: str, field: str) -> str | None:
    if not field:
        return None
    top = field.split(".", 1)[0]
    prop = schema(name).get("properties", {}).get(top, {})
    parts = field.split(".")
    if len(parts) == 3 and "items" in prop:
        prop = prop["items"].get("properties", {}).get(parts[2], prop)
    return prop.get("description")


def _describe(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "empty"
    if isinstance(value, (list, dict)):
        return _TYPE_NAMES["array" if isinstance(value, list) else "object"]
    return _short(value)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
