#!/usr/bin/env python3
"""Writes schema/congvan-2.schema.json, the JSON Schema of the congvan/2 contract (README: Output contract
congvan/2), from congvan/1's schema (shared pieces: source, coverage, deadline, error) and the warning codes
of src/model/warning_codes.h (the code enum, each code's severity).

usage: congvan2_schema.py [OUT]   (default: schema/congvan-2.schema.json beside this tools/ folder)
tests/contract_v2_corpus.py is the check of the schema against real output; a test runs this script to a
temporary file and fails when the committed schema differs from what it writes.
"""
import json, os, re, sys
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "schema", "congvan-2.schema.json")
v1 = json.load(open(os.path.join(ROOT, 'schema', 'congvan.schema.json')))
codes = re.findall(r'\{"([a-z_]+)", Severity::', open(os.path.join(ROOT, 'src', 'model', 'warning_codes.h')).read())
LINE = {"type": ["integer", "null"], "minimum": 1, "description": "1-based input line; null when not known"}
def obj(req, props, desc=None, extra=False):
    o = {"type": "object", "required": req, "additionalProperties": extra, "properties": props}
    if desc: o["description"] = desc
    return o
S = {"type": "string"}; SN = {"type": ["string", "null"]}
def fact(desc, value=SN):
    return {"oneOf": [{"type": "null"}, obj(["value", "line"], {"value": value, "line": LINE})], "description": desc}
MARK = {"type": ["string", "null"], "pattern": "^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\\.M|K\\.T)[.:]?$", "description": "TM., KT., TL., TUQ., Q., T/M, K/T, T/L as printed"}
unit = obj(["name", "key"], {"name": {"type": "string", "minLength": 1}, "key": {"type": "string"}},
           "a unit (agency, office, person by title) as printed, and its canonical key (abbreviations expanded, case and tone placement folded) to join on")
span = lambda desc: {"oneOf": [{"type": "null"}, obj(["text", "line", "end_line"], {"text": S, "line": LINE, "end_line": LINE})], "description": desc}
deadline = dict(v1["definitions"]["deadline"]); deadline["properties"] = dict(deadline["properties"]); deadline["properties"]["line"] = LINE
section = obj(["id", "path", "heading", "text", "line", "end_line", "sections"], {
    "id": {"type": "string", "description": "the printed number: \"2\", \"2.1\", \"a\", \"II\""},
    "path": {"type": "string", "description": "ids from the top: \"II.1\""},
    "heading": SN,
    "text": {"type": "string", "description": "its own text: the heading and its own paragraphs, never its children's"},
    "line": LINE, "end_line": LINE,
    "sections": {"type": "array", "items": {"$ref": "#/definitions/section"}}})
task_if = [
    {"if": {"properties": {"part": {"const": "section"}}}, "then": {"properties": {"section": {"type": "string"}}}},
    {"if": {"properties": {"part": {"enum": ["closing", "body"]}}}, "then": {"properties": {"section": {"type": "null"}}}},
    {"if": {"properties": {"part": {"const": "closing"}}}, "then": {"properties": {"annex": {"type": "null"}, "id": {"pattern": "^closing\\.[1-9][0-9]*$"}}}},
]
task = obj(["id", "part", "section", "annex", "text", "line", "end_line", "owners", "implied", "partners", "deadlines"], {
    "id": {"type": "string", "pattern": "^(annex[1-9][0-9]*/)?.+\\.[1-9][0-9]*$", "description": "stable within the document: \"2.a.1\", \"closing.1\", \"body.3\", \"annex1/II.2.1\""},
    "part": {"enum": ["section", "closing", "body"]},
    "section": {"type": ["string", "null"], "description": "the path of the section it is in, for part section"},
    "annex": {"type": ["integer", "null"], "minimum": 1, "description": "1-based index into annexes; null for the document's own body"},
    "text": S, "line": LINE, "end_line": LINE,
    "owners": {"type": "array", "items": {"$ref": "#/definitions/unit"}},
    "implied": {"type": "boolean", "description": "no owner was named: the owners are the addressees (Kính gửi)"},
    "partners": {"type": "array", "items": {"$ref": "#/definitions/unit"}},
    "deadlines": {"type": "array", "items": {"$ref": "#/definitions/deadline"}}})
d1 = v1["definitions"]["document"]["properties"]
doc_props = {
    "schema": {"const": "congvan/2"},
    "generator": {"$ref": "#/definitions/generator"},
    "source": d1["source"],
    "layout": {"enum": ["state", "party", None], "description": "which header convention: the national motto (state) or \"ĐẢNG CỘNG SẢN VIỆT NAM\" (party)"},
    "kind": {"oneOf": [{"type": "null"}, obj(["value", "text", "line"], {
        "value": {"type": "string", "pattern": "^[a-z0-9_]+$", "description": "slug: cong_van, quyet_dinh, ..."},
        "text": {"type": ["string", "null"], "description": "the title as printed; null when told from the symbol or the V/v subject"},
        "line": LINE})], "if": {"properties": {"text": {"type": "string"}}, "required": ["text"]},
        "then": {"properties": {"line": {"type": "integer"}}}},
    "authority": obj(["name", "parent", "inferred", "line"], {"name": SN, "parent": SN, "inferred": {"type": "boolean"}, "line": LINE}),
    "number": {"oneOf": [{"type": "null"}, obj(["value", "symbol", "code", "line"], {"value": SN, "symbol": SN, "code": SN, "line": LINE})],
               "description": "the document's number: value \"4197\", symbol \"UBND-KGVX\", code \"4197/UBND-KGVX\""},
    "place": fact("the place of the place-and-date line"),
    "date": fact("ISO 8601 date", {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
    "subject": fact("the text after V/v or Về việc, or the title's subject"),
    "urgency": fact("hỏa tốc | thượng khẩn | khẩn", {"enum": ["hỏa tốc", "thượng khẩn", "khẩn"]}),
    "secrecy": fact("mật | tối mật | tuyệt mật", {"enum": ["mật", "tối mật", "tuyệt mật"]}),
    "recipients": {"type": "array", "items": obj(["text", "line"], {"text": S, "line": LINE})},
    "references": {"type": "array", "items": obj(["kind", "kind_text", "code", "date", "issuer", "line"], {
        "kind": {"type": ["string", "null"], "pattern": "^[a-z0-9_]+$"}, "kind_text": SN, "code": S, "date": SN, "issuer": SN, "line": LINE})},
    "preamble": span("text between the recipients and the first numbered section"),
    "sections": {"type": "array", "items": {"$ref": "#/definitions/section"}},
    "closing": span("what follows the last section, before the signature"),
    "tasks": {"type": "array", "items": {"$ref": "#/definitions/task"}, "description": "every task of the document, in reading order"},
    "signature": obj(["chain", "title", "name", "line"], {
        "chain": {"type": "array", "items": obj(["mark", "office"], {"mark": MARK, "office": SN})},
        "title": SN, "name": SN, "line": LINE}),
    "distribution": {"type": "array", "items": obj(["text", "name", "note", "line"], {"text": S, "name": S, "note": SN, "line": LINE})},
    "annexes": {"type": "array", "items": obj(["title", "line", "end_line", "preamble", "sections"], {
        "title": SN, "line": LINE, "end_line": LINE, "preamble": span("its text before its first numbered section"), "sections": {"type": "array", "items": {"$ref": "#/definitions/section"}}})},
    "footnotes": {"type": "array", "items": obj(["mark", "text", "line"], {"mark": S, "text": S, "line": LINE})},
    "coverage": d1["coverage"],
    "warnings": {"type": "array", "items": {"$ref": "#/definitions/warning"}, "description": "one entry per code"},
}
warning = obj(["code", "severity", "line", "count", "lines", "message"], {
    "code": {"enum": codes},
    "severity": {"enum": ["info", "warning", "error"]},
    "line": {"type": ["integer", "null"], "minimum": 1, "description": "the first line it was given for; null: about the whole document"},
    "count": {"type": "integer", "minimum": 1, "description": "how many times it was raised in this document"},
    "lines": {"type": "array", "uniqueItems": True, "maxItems": 1020, "items": {"type": "integer", "minimum": 1}, "description": "the lines it was raised on (no repeats; the first 1,020)"},
    "message": {"type": "string", "minLength": 1, "description": "the first one's message, for people"}})
generator = obj(["name", "version", "grammar"], {"name": {"const": "congvan"}, "version": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+"},
    "grammar": {"type": "string", "pattern": "^[0-9a-f]{12}$", "description": "the first 12 hex digits of the SHA-256 of the grammar files used"}})
err = json.loads(json.dumps(v1["definitions"]["error"]))
err["required"] = ["schema", "generator", "source", "error"]
err["properties"]["schema"] = {"const": "congvan/2"}
err["properties"]["generator"] = {"$ref": "#/definitions/generator"}
schema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://congvan.example/schema/congvan-2.json",
  "title": "congvan/2: one parsed Vietnamese administrative document, or an input that could not be read",
  "description": "The output contract of `congvan parse --schema 2` (README: Output contract, Changes from congvan/1). Every fact is an object with its 1-based input line (and end_line for a span).",
  "oneOf": [{"$ref": "#/definitions/document"}, {"$ref": "#/definitions/error"}],
  "definitions": {"document": obj(list(doc_props.keys()), doc_props), "error": err, "section": section, "task": task,
                  "unit": unit, "deadline": deadline, "warning": warning, "generator": generator}}
schema["definitions"]["task"]["allOf"] = task_if
sevs = dict(re.findall(r'\{"([a-z_]+)", Severity::k(\w+),', open(os.path.join(ROOT, 'src', 'model', 'warning_codes.h')).read()))
schema["definitions"]["warning"]["allOf"] = [
    {"if": {"properties": {"code": {"const": c}}}, "then": {"properties": {"severity": {"const": v.lower()}}}}
    for c, v in sorted(sevs.items())]
schema["definitions"]["warning"]["properties"]["count"]["description"] += "; at least as many as lines"
schema["definitions"]["error"]["properties"]["source"]["additionalProperties"] = False
json.dump(schema, open(OUT, 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
open(OUT, 'a', encoding='utf-8').write("\n")

