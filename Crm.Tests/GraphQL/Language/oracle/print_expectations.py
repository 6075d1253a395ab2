#!/usr/bin/env python3
"""Regenerates the printer expectations with graphql-core (the Python port of the reference
implementation): every TestData/NAME.graphql gets TestData/NAME.printed.graphql.

The tests only read the committed files; run this by hand after changing an input document."""
from pathlib import Path

from graphql import parse, print_ast

data = Path(__file__).resolve().parent.parent / "TestData"
for source in sorted(data.glob("*.graphql")):
    if source.name.endswith(".printed.graphql"):
        continue
    printed = print_ast(parse(source.read_text(encoding="utf-8")))
    target = source.with_name(source.stem + ".printed.graphql")
    target.write_text(printed + "\n", encoding="utf-8")
    print(f"wrote {target.name}")
