#!/usr/bin/env python3
"""Transcribes Microsoft's published dual-write table map templates into MapLint tableMap documents.

The templates are the include pages under
articles/fin-ops-core/dev-itpro/data-entities/dual-write/includes/ in MicrosoftDocs/dynamics-365-unified-operations-public.
Each page names one map in its heading ("## <template> to <Dataverse entity set>"), may state a source filter and a
"reversed" (Dataverse-side) filter, and lists the field mappings as a table: finance and operations field, map type,
Dataverse field, default value. Only those facts are carried over; no sentence of the pages is copied.

Usage (run from anywhere; writes into the repository this script lives in):
  python3 scripts/transcribe-templates.py <git-dir> <commit>    read the pages with git at one commit
  python3 scripts/transcribe-templates.py --pages <dir>         read page copies from <dir>; <dir>/MANIFEST.tsv
                                                                names each page's repository path and commit
Standard library only. Same input, same output, byte for byte.
"""
import json
import os
import re
import subprocess
import sys

REPO = "MicrosoftDocs/dynamics-365-unified-operations-public"
FOLDER = "articles/fin-ops-core/dev-itpro/data-entities/dual-write/includes"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "MapLint.Core.Tests", "Corpus", "published-templates")
SCHEMA = "../../../../schemas/tableMap.schema.json"
DIRECTIONS = {"=", "><", ">", "<", ">>", "<<"}


def read_from_git(git_dir, commit):
    """Yields (page path, commit, text) for every .md page of FOLDER at commit."""
    names = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", commit, FOLDER + "/"],
                           check=True, capture_output=True, text=True).stdout.split("\n")
    for path in sorted(n for n in names if n.endswith(".md")):
        text = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                              check=True, capture_output=True).stdout.decode("utf-8-sig")
        yield path, commit, text


def read_from_pages(pages_dir):
    """Yields (page path, commit, text) for the page copies listed in pages_dir/MANIFEST.tsv."""
    with open(os.path.join(pages_dir, "MANIFEST.tsv"), encoding="utf-8") as manifest:
        rows = [line.rstrip("\n").split("\t") for line in manifest if line.strip()]
    for path, commit in sorted(rows):
        with open(os.path.join(pages_dir, os.path.basename(path)), encoding="utf-8-sig") as page:
            yield path, commit, page.read()


def singular(entity_set, page_table):
    """The Dataverse logical name behind an entity set name. The page file name sometimes carries the singular
    (msdyn-warehouse for msdyn_warehouses, msdyn-chartofaccounts for msdyn_chartofaccountses); otherwise undo
    English plural endings the way Dataverse forms entity set names."""
    if entity_set in (page_table + "s", page_table + "es") or (page_table.endswith("y") and entity_set == page_table[:-1] + "ies"):
        return page_table
    if entity_set.endswith("ies"):
        return entity_set[:-3] + "y"
    if re.search(r"(x|ch|sh|ss)es$", entity_set):
        return entity_set[:-2]
    if entity_set.endswith("s"):
        return entity_set[:-1]
    return entity_set


def scalar(text):
    """A default value as the page writes it: whole numbers and true/false become JSON numbers and booleans."""
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def filter_text(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == "`" and text[-1] == "`":
        text = text[1:-1]
    return text


def parse(path, text):
    """Returns (title, entity set, source filter, destination filter, rows) or None when the page holds no map."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "---":  # YAML front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1:]
    heading = next((l for l in lines if l.startswith("## ")), None)
    if heading is None:
        return None
    heading = re.sub(r"<a name=\"[^\"]*\"></a>", "", heading[3:]).strip()
    if " to " not in heading:
        return None
    title, entity_set = heading.rsplit(" to ", 1)
    source_filter = destination_filter = None
    rows = []
    for line in lines:
        stripped = line.strip()
        if stripped.lower().startswith("source filter:"):
            source_filter = filter_text(stripped.split(":", 1)[1])
        elif stripped.lower().startswith("reversed source filter:"):
            destination_filter = filter_text(stripped.split(":", 1)[1])
        elif "|" in stripped:
            cells = [c.strip() for c in stripped.strip("|").split("|")] if stripped.startswith("|") else [c.strip() for c in stripped.split("|")]
            if len(cells) >= 3 and cells[1] in DIRECTIONS:
                default = cells[3] if len(cells) > 3 else ""
                rows.append((cells[0], cells[1], cells[2], default))
    if not rows:
        return None
    return title.strip(), entity_set.strip(), source_filter, destination_filter, rows


def table_map(path, commit, parsed):
    title, entity_set, source_filter, destination_filter, rows = parsed
    stem = os.path.basename(path)[:-3]
    fo_entity, _, page_table = stem.partition("-")
    page_table = page_table.strip("-")  # TaxPostingGroupsV2--msdyn-taxpostinggroups.md
    source = {"app": "financeAndOperations", "entity": fo_entity}
    if source_filter:
        source["filter"] = source_filter
    destination = {"app": "dataverse", "entity": singular(entity_set.lower(), page_table.replace("-", "_").lower())}
    if destination_filter:
        destination["filter"] = destination_filter
    mappings = []
    for src, direction, dst, default in rows:
        mapping = {}
        if src.lower() != "none":
            mapping["source"] = src
        mapping["direction"] = direction
        if dst.lower() != "none":
            mapping["destination"] = dst
        if default:
            mapping["transform"] = {"defaultValue": scalar(default)}
        mappings.append(mapping)
    document = {
        "$schema": SCHEMA,
        "kind": "tableMap",
        "name": f"{title} ({entity_set})",
        "description": f"Transcribed by scripts/transcribe-templates.py from {REPO}, {path}, commit {commit}.",
        "source": source,
        "destination": destination,
        "mappings": mappings,
    }
    return stem, document


def render(document):
    """Pretty JSON with one mapping per line, so a finding's line names the mapping."""
    head = {k: v for k, v in document.items() if k != "mappings"}
    body = json.dumps(head, indent=2, ensure_ascii=False)[:-2]
    items = ",\n".join("    " + json.dumps(m, ensure_ascii=False, separators=(", ", ": ")) for m in document["mappings"])
    return body + ',\n  "mappings": [\n' + items + "\n  ]\n}\n"


def main(argv):
    if len(argv) == 3 and argv[1] == "--pages":
        pages = read_from_pages(argv[2])
    elif len(argv) == 3:
        pages = read_from_git(argv[1], argv[2])
    else:
        sys.stderr.write(__doc__)
        return 2
    os.makedirs(OUT, exist_ok=True)
    written, names, sources = [], {}, []
    for path, commit, text in pages:
        parsed = parse(path, text)
        if parsed is None:
            sys.stderr.write(f"skipped (no table map in it): {path}\n")
            continue
        stem, document = table_map(path, commit, parsed)
        if document["name"] in names:
            sys.exit(f"two pages give the map name '{document['name']}': {names[document['name']]} and {path}")
        names[document["name"]] = path
        with open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8", newline="\n") as out:
            out.write(render(document))
        written.append(stem + ".json")
        sources.append((stem + ".json", path, commit))
    stale = sorted(set(f for f in os.listdir(OUT) if f.endswith(".json")) - set(written))
    for name in stale:
        sys.stderr.write(f"not produced by this run (left alone): {name}\n")
    with open(os.path.join(OUT, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Sources of the published-templates corpus\n\n")
        out.write(f"Written by `scripts/transcribe-templates.py`. Repository: {REPO}.\n\n")
        out.write("| File | Page | Commit |\n| --- | --- | --- |\n")
        for name, path, commit in sorted(sources):
            out.write(f"| {name} | {path} | {commit} |\n")
    print(f"{len(written)} table maps written to {os.path.relpath(OUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
