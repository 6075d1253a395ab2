#!/usr/bin/env python3
"""Regenerates TestData/validation-cases.json: every case below validated by graphql-core (the
Python port of the reference implementation) with all of its specified rules.

The tests only read the committed JSON; run this by hand after changing a case:
    python3 Crm.Tests/GraphQL/Validation/oracle/generate_expectations.py

graphql-core quotes names with single quotes where the reference implementation uses double
quotes; the expectations are converted to double quotes. A few cases deliberately differ from the
oracle because the September 2025 specification (which the engine implements) is newer than
graphql-core 3.2; they carry their own expectations and a reason, and the generator prints what
the oracle said so the difference stays visible.
"""
import json
import re
from pathlib import Path

from graphql import build_schema, parse, validate
from graphql.validation import specified_rules

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "TestData"

CASES = []


def case(rule, name, document, schema="schema", expect=None, reason=None):
    CASES.append(
        {"rule": rule, "name": name, "schema": schema, "document": document.strip("\n"), "expect": expect, "reason": reason}
    )


def err(message, *locations):
    return {"message": message, "locations": [list(loc) for loc in locations]}


# --- Executable Definitions -------------------------------------------------------------------
case("ExecutableDefinitions", "operations and fragments only", """
query Q { cat { ...Names } }
fragment Names on Cat { name }
""")
case("ExecutableDefinitions", "type definitions and extensions are refused", """
query Q { cat { name } }
type Extra { a: Int }
extend type Cat { color: String }
schema { query: Query }
extend schema @onQuery
directive @custom on FIELD
""")

# --- Operation Type Existence (September 2025) ---------------------------------------------------
case("OperationTypeExistence", "query on a query-only schema", "{ hello }", schema="query-only-schema")
case("OperationTypeExistence", "mutation without a mutation type", "mutation M { hello }", schema="query-only-schema",
     expect=[err("The mutation operation is not supported by the schema.", (1, 1))],
     reason="Operation Type Existence is new in the September 2025 edition; graphql-core 3.2 reports nothing.")
case("OperationTypeExistence", "subscription without a subscription type", "subscription { hello }", schema="query-only-schema",
     expect=[err("The subscription operation is not supported by the schema.", (1, 1))],
     reason="Operation Type Existence is new in the September 2025 edition; graphql-core 3.2 reports nothing.")

# --- Operation Name Uniqueness ------------------------------------------------------------------
case("OperationNameUniqueness", "distinct names", """
query A { cat { name } }
query B { dog { name } }
mutation C { rename(id: 1, name: "x") { name } }
""")
case("OperationNameUniqueness", "same name twice", """
query A { cat { name } }
query A { dog { name } }
""")
case("OperationNameUniqueness", "same name across operation types", """
query A { cat { name } }
mutation A { rename(id: 1, name: "x") { name } }
subscription A { ticks }
""")
case("OperationNameUniqueness", "fragment may share an operation name", """
query A { cat { ...A } }
fragment A on Cat { name }
""")

# --- Lone Anonymous Operation -----------------------------------------------------------------------
case("LoneAnonymousOperation", "one anonymous operation", "{ cat { name } }")
case("LoneAnonymousOperation", "anonymous with fragments", """
{ cat { ...F } }
fragment F on Cat { name }
""")
case("LoneAnonymousOperation", "anonymous next to a named one", """
{ cat { name } }
query Named { dog { name } }
""")
case("LoneAnonymousOperation", "two anonymous operations", """
{ cat { name } }
mutation { rename(id: 1, name: "x") { name } }
""")

# --- Subscription Single Root Field ----------------------------------------------------------------
case("SubscriptionSingleRootField", "one root field", "subscription S { petAdded { ... on Cat { name } } }")
case("SubscriptionSingleRootField", "one root field through fragments", """
subscription S { ...Root ... on Subscription { ticks } }
fragment Root on Subscription { ticks }
""")
case("SubscriptionSingleRootField", "two root fields", "subscription S { ticks moodChanged }")
case("SubscriptionSingleRootField", "many root fields anonymous", "subscription { ticks moodChanged petAdded { __typename } }")
case("SubscriptionSingleRootField", "second field through a fragment", """
subscription S { ticks ...More }
fragment More on Subscription { moodChanged }
""")
case("SubscriptionSingleRootField", "introspection root field", "subscription S { __typename }")
case("SubscriptionSingleRootField", "skip on a root field", "subscription S($no: Boolean!) { ticks @skip(if: $no) }",
     expect=[err("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.", (1, 39))],
     reason="The September 2025 edition forbids @skip and @include in the root selection of a subscription; "
            "graphql-core 3.2 predates that.")
case("SubscriptionSingleRootField", "include on a root fragment", """
subscription { ...Root @include(if: true) }
fragment Root on Subscription { ticks }
""", expect=[err("Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.", (1, 24))],
     reason="The September 2025 edition forbids @skip and @include in the root selection of a subscription; "
            "graphql-core 3.2 predates that.")

# --- Field Selections ---------------------------------------------------------------------------
case("FieldSelections", "known fields, aliases and __typename", """
{ cat { n: name(upper: true) legs __typename } named { name } pet { __typename ... on Dog { barkVolume } } }
""")
case("FieldSelections", "unknown field on an object", "{ cat { meow } }")
case("FieldSelections", "unknown field with a close name", "{ cat { nam legz } }")
case("FieldSelections", "aliased unknown field", "{ cat { name: nickname } }")
case("FieldSelections", "implementor field on an interface", "{ creature { barkVolume lives } }")
case("FieldSelections", "field on a union", "{ pet { name } being { age } }")
case("FieldSelections", "unknown root field", "{ kitten }")
case("FieldSelections", "unknown field in a fragment", """
{ dog { ...D } }
fragment D on Dog { woof }
""")
case("FieldSelections", "no error below an unknown field", "{ kitten { whiskers } cat { owner { nobody } } }")

# --- Field Selection Merging --------------------------------------------------------------------------
case("FieldSelectionMerging", "identical fields merge", """
{ cat { name name n: name n: name knows(trick: JUMP) knows(trick: JUMP) } }
""")
case("FieldSelectionMerging", "identical fields with variables", """
query Q($t: Trick!) { cat { knows(trick: $t) knows(trick: $t) } }
""")
case("FieldSelectionMerging", "alias hides two different fields", "{ cat { name: legs name } }")
case("FieldSelectionMerging", "differing argument values", "{ cat { knows(trick: JUMP) knows(trick: ROLL) } }")
case("FieldSelectionMerging", "value versus variable", """
query Q($t: Trick!) { cat { knows(trick: JUMP) knows(trick: $t) } }
""")
case("FieldSelectionMerging", "argument versus none", "{ cat { name(upper: true) name } }")
case("FieldSelectionMerging", "different objects may differ", """
{ creature { ... on Dog { v: barkVolume } ... on Cat { v: lives } } }
""")
case("FieldSelectionMerging", "different objects must agree on shape", """
{ creature { ... on Dog { tag } ... on Cat { tag } } }
""")
case("FieldSelectionMerging", "nullability differs", """
{ pet { ... on Cat { x: tag } ... on Dog { x: name } } }
""")
case("FieldSelectionMerging", "list versus single", """
{ pet { ... on Cat { x: friends { id } } ... on Dog { x: owner { id } } } }
""")
case("FieldSelectionMerging", "conflict deep in subfields", """
{ cat { owner { name } owner { name: age } } }
""")
case("FieldSelectionMerging", "conflict through fragments", """
{ cat { ...A ...B } }
fragment A on Cat { x: name }
fragment B on Cat { x: legs }
""")
case("FieldSelectionMerging", "conflict between field and fragment", """
{ dog { x: name ...F } }
fragment F on Dog { x: barkVolume }
""")
case("FieldSelectionMerging", "conflict between nested fragments", """
{ cat { owner { ...P } owner { ...Q } } }
fragment P on Person { who: name }
fragment Q on Person { who: age }
""")
case("FieldSelectionMerging", "several conflicts in subfields", """
{ cat { o: owner { a: name b: age } o: owner { a: age b: name } } }
""")
case("FieldSelectionMerging", "interface parents compare names", """
{ named { ... on Creature { n: name } ... on Named { n: __typename } } }
""")
case("FieldSelectionMerging", "same fragment twice is fine", """
{ cat { ...F ...F owner { ...G } owner { ...G } } }
fragment F on Cat { name }
fragment G on Person { name }
""")
case("FieldSelectionMerging", "unknown fields are compared by name", "{ cat { x: unknownA x: unknownB } }")

# --- Leaf Field Selections --------------------------------------------------------------------------
case("LeafFieldSelections", "scalars and enums without selections", "{ cat { name mood } now mood }")
case("LeafFieldSelections", "object without selection", "{ cat }")
case("LeafFieldSelections", "interface and union without selection", "{ creature pet }")
case("LeafFieldSelections", "list of objects without selection", "{ cat { friends } }")
case("LeafFieldSelections", "scalar with selection", "{ cat { name { length } } }")
case("LeafFieldSelections", "enum with selection", "{ mood { value } }")
case("LeafFieldSelections", "custom scalar with selection", "{ now { year } }")
case("LeafFieldSelections", "mutation root field without selection", "mutation { adopt(key: {id: 1}) }")

# --- Argument Names -------------------------------------------------------------------------------
case("ArgumentNames", "known arguments", "{ cat { name(upper: false) knows(trick: JUMP) } } ")
case("ArgumentNames", "unknown field argument", "{ cat { name(lower: true) } }")
case("ArgumentNames", "unknown argument with suggestion", "{ dog { knows(comand: SIT) } }")
case("ArgumentNames", "unknown directive argument", "{ cat @include(iff: true) { name } }")
case("ArgumentNames", "arguments of unknown fields are not reported", "{ cat { nothing(at: 1) } }")
case("ArgumentNames", "arguments of unknown directives are not reported", "{ cat @nothing(at: 1) { name } }")

# --- Argument Uniqueness --------------------------------------------------------------------------
case("ArgumentUniqueness", "distinct arguments", "{ args { multiple(req1: 1, req2: 2) } }")
case("ArgumentUniqueness", "duplicate field argument", "{ cat { name(upper: true, upper: false) } }")
case("ArgumentUniqueness", "three duplicates", "{ args { int(v: 1, v: 2, v: 3) } }")
case("ArgumentUniqueness", "duplicate directive argument", "{ cat @skip(if: true, if: false) { name } }")

# --- Required Arguments ---------------------------------------------------------------------------
case("RequiredArguments", "all required present", """
{ args { multiple(req2: 2, req1: 1) nonNullInt(v: 1) defaultedNonNull } cat @skip(if: false) { name } }
""")
case("RequiredArguments", "missing required field argument", "{ args { nonNullInt } }")
case("RequiredArguments", "missing two required arguments", "{ args { multiple(opt1: 1) } }")
case("RequiredArguments", "required argument given null", "{ args { nonNullInt(v: null) } }")
case("RequiredArguments", "missing directive argument", "{ cat @include { name } dog @withArgs { name } }")
case("RequiredArguments", "unknown field is not checked", "{ cat { unknown } }")

# --- Fragment Name Uniqueness ----------------------------------------------------------------------
case("FragmentNameUniqueness", "distinct fragments", """
{ cat { ...A ...B } }
fragment A on Cat { name }
fragment B on Cat { legs }
""")
case("FragmentNameUniqueness", "duplicate fragment", """
{ cat { ...A } }
fragment A on Cat { name }
fragment A on Cat { legs }
""")

# --- Fragment Spread Type Existence ------------------------------------------------------------------
case("FragmentSpreadTypeExistence", "known type conditions", """
{ pet { ... on Cat { name } ...D } }
fragment D on Dog { name }
""")
case("FragmentSpreadTypeExistence", "unknown inline type", "{ pet { ... on Kat { name } } }")
case("FragmentSpreadTypeExistence", "unknown fragment type", """
{ pet { ...F } }
fragment F on Doggo { name }
""")
case("FragmentSpreadTypeExistence", "unknown variable type", "query Q($f: Filtr) { search(filter: $f) { __typename } }")

# --- Fragments On Composite Types --------------------------------------------------------------------
case("FragmentsOnCompositeTypes", "object, interface and union conditions", """
{ pet { ... on Cat { name } ... on Creature { legs } ... on Pet { __typename } } }
""")
case("FragmentsOnCompositeTypes", "inline fragment on a scalar", "{ cat { name { ... on String { x } } } }")
case("FragmentsOnCompositeTypes", "fragment on an enum", """
{ mood { ...M } }
fragment M on Mood { x }
""")
case("FragmentsOnCompositeTypes", "fragment on an input object", """
{ cat { ...P } }
fragment P on Point { x }
""")

# --- Fragments Must Be Used -------------------------------------------------------------------------
case("FragmentsMustBeUsed", "used transitively", """
{ cat { ...A } }
fragment A on Cat { owner { ...B } }
fragment B on Person { name }
""")
case("FragmentsMustBeUsed", "unused fragments", """
{ cat { ...A } }
fragment A on Cat { name }
fragment Unused on Cat { legs }
fragment AlsoUnused on Dog { ...Chained }
fragment Chained on Dog { name }
""")
case("FragmentsMustBeUsed", "cycles do not count as use", """
{ cat { name } }
fragment A on Cat { ...B }
fragment B on Cat { ...A }
""")

# --- Fragment Spread Target Defined --------------------------------------------------------------------
case("FragmentSpreadTargetDefined", "defined fragments", """
{ cat { ...A } }
fragment A on Cat { name }
""")
case("FragmentSpreadTargetDefined", "undefined fragments", "{ cat { ...Missing owner { ...AlsoMissing } } }")

# --- Fragment Spreads Must Not Form Cycles ----------------------------------------------------------
case("FragmentSpreadsMustNotFormCycles", "shared fragments without cycle", """
{ cat { ...A ...B } }
fragment A on Cat { ...B }
fragment B on Cat { name }
""")
case("FragmentSpreadsMustNotFormCycles", "fragment spreads itself", """
{ cat { ...A } }
fragment A on Cat { name ...A }
""")
case("FragmentSpreadsMustNotFormCycles", "cycle through two fragments", """
{ cat { ...A } }
fragment A on Cat { ...B }
fragment B on Cat { ...A }
""")
case("FragmentSpreadsMustNotFormCycles", "cycle through nested selections", """
{ cat { ...A } }
fragment A on Cat { owner { pets { ...B } } }
fragment B on Creature { ... on Cat { ...C } }
fragment C on Cat { ...A }
""")
case("FragmentSpreadsMustNotFormCycles", "two cycles from one fragment", """
{ cat { ...A } }
fragment A on Cat { ...B ...C }
fragment B on Cat { ...A }
fragment C on Cat { ...A }
""")

# --- Fragment Spread Is Possible -------------------------------------------------------------------------
case("FragmentSpreadIsPossible", "possible spreads", """
{ pet { ... on Cat { name } ... on Creature { legs } ...B } creature { ... on Pet { __typename } ... on Named { name } } }
fragment B on Being { __typename }
""")
case("FragmentSpreadIsPossible", "object into a different object", "{ cat { ... on Dog { name } } }")
case("FragmentSpreadIsPossible", "named fragment into a different object", """
{ cat { ...D } }
fragment D on Dog { name }
""")
case("FragmentSpreadIsPossible", "object into a union it is not part of", "{ pet { ... on Person { name } } }")
case("FragmentSpreadIsPossible", "interface into an unrelated union", "{ machine { ... on Creature { legs } } }")
case("FragmentSpreadIsPossible", "union into an unrelated interface", """
{ creature { ...M } }
fragment M on Machine { __typename }
""")
case("FragmentSpreadIsPossible", "unknown fragment type is not reported here", """
{ cat { ...U } }
fragment U on Unknown { x }
""")

# --- Values Of Correct Type ---------------------------------------------------------------------------
case("ValuesOfCorrectType", "valid literals", """
{ args {
  int(v: -2147483648) float(v: 1) f2: float(v: -1.5e3) string(v: "s") boolean(v: true) id(v: "x") id2: id(v: 12)
  enum(v: SLEEPY) list(v: ["a", null]) single: list(v: "a") listOfLists(v: [[1], 2, null])
  nonNullList(v: "x") filter(v: {required: true, near: {x: 1, y: 2.5}, tags: "t", nested: {required: false}})
  date(v: "2025-01-01") nullable: int(v: null)
} }
""")
case("ValuesOfCorrectType", "string into int", "{ args { int(v: \"3\") } }")
case("ValuesOfCorrectType", "int out of range", "{ args { int(v: 2147483648) big: int(v: -2147483649) } }")
case("ValuesOfCorrectType", "float into int", "{ args { int(v: 1.0) } }")
case("ValuesOfCorrectType", "int into string", "{ args { string(v: 1) } }")
case("ValuesOfCorrectType", "boolean into float", "{ args { float(v: true) } }")
case("ValuesOfCorrectType", "float into id", "{ args { id(v: 1.5) } }")
case("ValuesOfCorrectType", "enum into boolean", "{ args { boolean(v: TRUE) } }")
case("ValuesOfCorrectType", "string into enum", "{ args { enum(v: \"CALM\") } }")
case("ValuesOfCorrectType", "unknown enum value", "{ args { enum(v: CALMLY) } }")
case("ValuesOfCorrectType", "enum value of another enum", "{ args { enum(v: JUMP) } }")
case("ValuesOfCorrectType", "null into non-null", "{ args { nonNullBoolean(v: null) } }")
case("ValuesOfCorrectType", "wrong item in a list", "{ args { list(v: [\"a\", 2]) } }")
case("ValuesOfCorrectType", "null item in a non-null list", "{ args { nonNullList(v: [\"a\", null]) } }")
case("ValuesOfCorrectType", "object into a scalar", "{ args { int(v: {a: 1}) list(v: {a: 1}) } }")
case("ValuesOfCorrectType", "list into an input object", "{ args { filter(v: [1]) } }")
case("ValuesOfCorrectType", "scalar into an input object", "{ args { filter(v: 1) } }")
case("ValuesOfCorrectType", "nested wrong value", "{ args { filter(v: {required: true, near: {x: \"1\", y: 2}}) } }")
case("ValuesOfCorrectType", "variable default values are checked", """
query Q($a: Int = "one", $b: Filter = {required: 3}, $c: [Mood] = [CALM, "x"]) { args { int(v: $a) filter(v: $b) enum(v: $c) } }
""")
case("ValuesOfCorrectType", "directive argument value", "{ cat @include(if: \"yes\") { name } }")
case("ValuesOfCorrectType", "unknown argument values are not checked", "{ args { int(w: \"x\") } }")
case("ValuesOfCorrectType", "oneOf with exactly one field", """
query Q($id: ID!) { args { key(v: {id: 1}) k2: key(v: {point: {x: 1, y: 2}}) k3: key(v: {id: $id}) } }
""")
case("ValuesOfCorrectType", "oneOf with two fields", "{ args { key(v: {id: 1, name: \"x\"}) } }")
case("ValuesOfCorrectType", "oneOf with no field", "{ args { key(v: {}) } }")
case("ValuesOfCorrectType", "oneOf with a null field", "{ args { key(v: {name: null}) } }")
case("ValuesOfCorrectType", "oneOf in a list", "{ args { keys(v: [{id: 1}, {}]) } }")

# --- Input Object Field Names ----------------------------------------------------------------------------
case("InputObjectFieldNames", "known fields", "{ args { filter(v: {required: true, minLegs: 2}) } }")
case("InputObjectFieldNames", "unknown field", "{ args { filter(v: {required: true, colour: \"red\"}) } }")
case("InputObjectFieldNames", "unknown field with suggestion", "{ args { filter(v: {required: true, nme: \"x\"}) } }")
case("InputObjectFieldNames", "unknown nested field", "{ search(filter: {required: true, near: {x: 1, y: 1, z: 1}}) { __typename } }")

# --- Input Object Field Uniqueness ---------------------------------------------------------------
case("InputObjectFieldUniqueness", "distinct fields", "{ args { filter(v: {required: true, name: \"a\", nested: {required: true, name: \"a\"}}) } }")
case("InputObjectFieldUniqueness", "duplicate field", "{ args { filter(v: {required: true, name: \"a\", name: \"b\"}) } }")
case("InputObjectFieldUniqueness", "duplicate field three times", "{ args { filter(v: {required: true, required: false, required: true}) } }")
case("InputObjectFieldUniqueness", "duplicates in an untyped position", "{ args { nothing(v: {a: 1, a: 2}) } }")

# --- Input Object Required Fields -------------------------------------------------------------------
case("InputObjectRequiredFields", "required fields present, defaults optional", "{ args { filter(v: {required: false, near: {x: 1, y: 2}}) } }")
case("InputObjectRequiredFields", "missing required field", "{ args { filter(v: {name: \"x\"}) } }")
case("InputObjectRequiredFields", "missing nested required fields", "{ args { filter(v: {required: true, near: {}}) } }")
case("InputObjectRequiredFields", "required field given null", "{ args { filter(v: {required: null}) } }")

# --- Directives Are Defined -------------------------------------------------------------------------
case("DirectivesAreDefined", "built-in and schema directives", """
query Q($v: Int @onVariableDefinition) @onQuery { cat @skip(if: false) { name @include(if: true) @deprecated(reason: "no") } args { int(v: $v) } }
""")
case("DirectivesAreDefined", "unknown directives", "{ cat @unknown { name @alsoUnknown(x: 1) } }")

# --- Directives Are In Valid Locations -----------------------------------------------------------
case("DirectivesAreInValidLocations", "every executable location", """
query Q($v: Int @onVariableDefinition) @onQuery { args { int(v: $v) @onField } pet { ...F @onFragmentSpread ... on Cat @onInlineFragment { name } } }
mutation M @onMutation { rename(id: 1, name: "x") { name } }
subscription S @onSubscription { ticks }
fragment F on Pet @onFragmentDefinition { __typename }
""")
case("DirectivesAreInValidLocations", "misplaced directives", """
query Q($v: Int @onField) @onMutation { cat @onQuery { name } pet { ...F @onInlineFragment ... on Cat @onFragmentSpread { name } } args { int(v: $v) } }
mutation M @onSubscription { rename(id: 1, name: "x") { name } }
subscription S @onQuery { ticks }
fragment F on Pet @onField { __typename }
""")

# --- Directives Are Unique Per Location -------------------------------------------------------------
case("DirectivesAreUniquePerLocation", "different directives and repeatable ones", """
query Q @repeat @repeat(times: 2) { cat @skip(if: false) @include(if: true) @repeat @repeat { name } }
""")
case("DirectivesAreUniquePerLocation", "same directive in different locations", "{ cat @onField { name @onField } }")
case("DirectivesAreUniquePerLocation", "duplicate directives", """
query Q @onQuery @onQuery { cat @skip(if: false) @skip(if: true) @onField @onField @onField { name } }
""")

# --- Variable Uniqueness -----------------------------------------------------------------------------
case("VariableUniqueness", "distinct variables per operation", """
query A($a: Int, $b: Int) { args { int(v: $a) i: int(v: $b) } }
query B($a: Int) { args { int(v: $a) } }
""")
case("VariableUniqueness", "duplicate variables", """
query A($a: Int, $a: Int, $b: Int, $a: String, $b: Int) { args { int(v: $a) i: int(v: $b) } }
""")

# --- Variables Are Input Types -------------------------------------------------------------------------
case("VariablesAreInputTypes", "input types", """
query Q($a: Int, $b: [String!]!, $c: Filter, $d: Mood, $e: [PetKey], $f: Date) { args { int(v: $a) nonNullList(v: $b) filter(v: $c) enum(v: $d) keys(v: $e) date(v: $f) } }
""")
case("VariablesAreInputTypes", "output types", """
query Q($a: Cat, $b: [Pet!]!, $c: Creature) { args { int(v: $a) list(v: $b) string(v: $c) } }
""")

# --- All Variable Uses Defined --------------------------------------------------------------------------
case("AllVariableUsesDefined", "all defined, through fragments", """
query Q($a: Int, $b: Boolean!) { args { int(v: $a) } ...F }
fragment F on Query { cat @include(if: $b) { name } }
""")
case("AllVariableUsesDefined", "undefined in operation", "query Q { args { int(v: $a) } }")
case("AllVariableUsesDefined", "undefined in anonymous operation", "{ args { int(v: $a) } }")
case("AllVariableUsesDefined", "undefined through fragment in two operations", """
query A($b: Boolean!) { ...F }
query B { ...F }
fragment F on Query { cat @include(if: $b) { name } args { filter(v: {required: $b, name: $n}) } }
""")
case("AllVariableUsesDefined", "used in a directive and a list", """
query Q { cat @skip(if: $skip) { name } args { list(v: ["a", $item]) } }
""")

# --- All Variables Used ----------------------------------------------------------------------------------
case("AllVariablesUsed", "all used, including through fragments", """
query Q($a: Int, $b: Boolean!) { args { int(v: $a) } ...F }
fragment F on Query { cat @include(if: $b) { name } }
""")
case("AllVariablesUsed", "unused variables", "query Q($a: Int, $b: Int) { args { int(v: $a) } }")
case("AllVariablesUsed", "unused in anonymous operation", "query ($a: Int) { cat { name } }")
case("AllVariablesUsed", "used only by another operation's fragment", """
query A($x: Int) { ...F }
query B($x: Int) { cat { name } }
fragment F on Query { args { int(v: $x) } }
""")

# --- All Variable Usages Are Allowed ----------------------------------------------------------------
case("AllVariableUsagesAreAllowed", "compatible usages", """
query Q($int: Int, $nn: Int!, $list: [String!]!, $b: Boolean = true, $mood: Mood!, $f: Filter, $key: PetKey!, $id: ID!) {
  args {
    int(v: $nn) i2: int(v: $int) nonNullInt(v: $nn) list(v: $list) nonNullList(v: $list) nonNullBoolean(v: $b)
    defaultedNonNull(v: $int) enum(v: $mood) filter(v: $f) key(v: $key) k2: key(v: {id: $id}) keys(v: [$key])
    b2: nonNullBoolean(v: $b) f2: filter(v: {required: $b, minLegs: $int})
  }
  cat @include(if: $b) { name }
}
""")
case("AllVariableUsagesAreAllowed", "type mismatch", "query Q($s: String) { args { int(v: $s) } }")
case("AllVariableUsagesAreAllowed", "nullable into non-null", "query Q($i: Int) { args { nonNullInt(v: $i) } }")
case("AllVariableUsagesAreAllowed", "null default does not help", "query Q($i: Int = null) { args { nonNullInt(v: $i) } }")
case("AllVariableUsagesAreAllowed", "list into single and single into list", """
query Q($l: [Int], $s: String) { args { int(v: $l) list(v: $s) } }
""")
case("AllVariableUsagesAreAllowed", "nullable items into non-null items", """
query Q($l: [String]!) { args { nonNullList(v: $l) } }
""")
case("AllVariableUsagesAreAllowed", "nullable in a directive", "query Q($b: Boolean) { cat @include(if: $b) { name } }")
case("AllVariableUsagesAreAllowed", "usage inside a fragment", """
query Q($b: Boolean) { ...F }
fragment F on Query { args { nonNullBoolean(v: $b) } }
""")
case("AllVariableUsagesAreAllowed", "usage inside a list item and an object field", """
query Q($s: String, $n: Boolean) { args { nonNullList(v: ["a", $s]) filter(v: {required: $n}) } }
""")
case("AllVariableUsagesAreAllowed", "nullable variable in a oneOf field", "query Q($id: ID) { args { key(v: {id: $id}) } }",
     expect=[err("Variable \"$id\" is of type \"ID\" but must be non-nullable to be used for OneOf Input Object \"PetKey\".", (1, 9), (1, 39))],
     reason="The September 2025 edition checks this in All Variable Usages Are Allowed (IsNonNullPosition); graphql-core 3.2 "
            "reports it from Values of Correct Type as 'Variable \"id\" must be non-nullable to be used for OneOf Input Object "
            "\"PetKey\".' at the object value.")
case("AllVariableUsagesAreAllowed", "nullable oneOf variable with a default", "query Q($id: ID = 7) { args { key(v: {id: $id}) } }",
     expect=[],
     reason="IsVariableUsageAllowed in the September 2025 edition accepts a nullable variable with a non-null default in a "
            "non-null position, OneOf fields included; graphql-core 3.2 refuses it.")

# --- More field merging ------------------------------------------------------------------------------
case("FieldSelectionMerging", "conflict between fragments in sub-selections", """
{ cat { owner { ...A } } cat { owner { ...B } } }
fragment A on Person { x: name }
fragment B on Person { x: age }
""")
case("FieldSelectionMerging", "exclusive parents still need equal shapes deeper down", """
{ pet { ... on Cat { owner { n: name } } ... on Dog { owner { n: age } } } }
""")
case("FieldSelectionMerging", "interface and object parents are not exclusive", """
{ creature { ... on Creature { x: name } ... on Cat { x: legs } } }
""")
case("FieldSelectionMerging", "arguments in any order", """
{ args { multiple(req1: 1, req2: 2) multiple(req2: 2, req1: 1) f: filter(v: {required: true, name: "a"}) f: filter(v: {name: "a", required: true}) } }
""")
case("FieldSelectionMerging", "directives do not matter", "query Q($b: Boolean!) { cat { name @skip(if: $b) name @include(if: $b) name } }")
case("FieldSelectionMerging", "typename on different types", "{ pet { ... on Cat { __typename } ... on Dog { __typename } __typename } }")
case("FieldSelectionMerging", "conflicting list items deep in a fragment", """
{ ...Q }
fragment Q on Query { cat { friends { ... on Cat { x: lives } } } cat { friends { ... on Cat { x: name } } } }
""")
case("FieldSelectionMerging", "fragment spread in both and a field", """
{ cat { ...F x: legs } cat { ...F } }
fragment F on Cat { x: name }
""")
case("FieldSelectionMerging", "block and plain strings differ", """
{ args { s: string(v: "a") s: string(v: \"\"\"a\"\"\") } }
""")

# --- More values --------------------------------------------------------------------------------------------
case("ValuesOfCorrectType", "lists coerce single values", "{ args { list(v: \"a\") listOfLists(v: [1, [2], null]) l2: listOfLists(v: 1) keys(v: {id: 1}) } }")
case("ValuesOfCorrectType", "single value into list of lists of wrong type", "{ args { listOfLists(v: [[\"x\"]]) } }")
case("ValuesOfCorrectType", "enum value suggestions", "{ args { enum(v: calm) e2: enum(v: SLEPY) } }")
case("ValuesOfCorrectType", "custom scalar accepts any literal", "{ args { date(v: {year: 2025, months: [1, 2]}) d2: date(v: 20250101) } }")
case("ValuesOfCorrectType", "float out of range", "{ args { float(v: 1e400) } }",
     expect=[err("Float cannot represent non numeric value: 1e400", (1, 19))],
     reason="The specification requires Float input to be finite; graphql-core 3.2 turns the literal into infinity.")
case("ValuesOfCorrectType", "ID accepts strings and integers only", "{ args { id(v: \"x\") i2: id(v: -7) i3: id(v: true) i4: id(v: ENUM) } }")

# --- Introspection fields --------------------------------------------------------------------------------
case("FieldSelections", "introspection meta-fields", """
{ __typename __schema { queryType { name } types { name kind } } __type(name: "Cat") { fields(includeDeprecated: true) { name } } cat { __typename } }
""")
case("FieldSelections", "meta-fields only where allowed", "{ cat { __schema { types { name } } } __type { name } }")

# --- More variables ----------------------------------------------------------------------------------------
case("AllVariableUsagesAreAllowed", "single value variable into list positions", """
query Q($s: String!, $l: [String]) { args { nonNullList(v: $s) list(v: $s) l2: list(v: $l) } }
""")
case("AllVariableUsagesAreAllowed", "variables in operation directives and nested lists", """
query Q($b: Boolean, $times: Int, $i: Int) @repeat(times: $times) { args { listOfLists(v: [[$i]]) } cat @skip(if: $b) { name } }
""")
case("AllVariablesUsed", "used in an operation directive", "query Q($t: Int) @repeat(times: $t) { cat { name } }")
case("VariablesAreInputTypes", "unknown and wrapped types", "query Q($a: [[Unknown!]], $b: [Mood!]!) { args { int(v: $a) enum(v: $b) } }")
case("DirectivesAreInValidLocations", "directives on variable definitions", """
query Q($a: Int @onVariableDefinition @onField, $b: Int @repeat) { args { int(v: $a) i2: int(v: $b) } }
""")

# --- Documents combining rules ---------------------------------------------------------------------------
case("Combined", "kitchen sink of errors", """
query Q($a: Int, $a: Int, $unused: Cat) @onField {
  cat { nope ...Missing name(upper: "yes") ...D }
  args { nonNullInt int(v: $undefined) }
}
query Q { ...Loop }
fragment Loop on Query { ...Loop }
fragment D on Dog { name }
fragment Orphan on Cat { name }
type T { a: Int }
""")
case("Combined", "a realistic document with one mistake", """
query Dashboard($id: ID!, $withOwner: Boolean = false, $filter: Filter = {required: true}) @onQuery {
  node(id: $id) {
    id
    ... on Creature { ...CreatureFields }
  }
  search(filter: $filter, key: {name: "Tom"}) {
    __typename
    ... on Person { name age }
    ... on Cat { ...CreatureFields lives owner @include(if: $withOwner) { name } }
  }
}
fragment CreatureFields on Creature { id name(upper: true) legs }
mutation Adopt($key: PetKey!) @onMutation { adopt(key: $key) { ... on Cat { name } ... on Dog { name } } }
subscription OnMood { moodChanged(id: "1") }
""")


def oracle_errors(schema, document):
    rules = [rule for rule in specified_rules if rule.__name__ != "MaxIntrospectionDepthRule"]
    errors = validate(schema, parse(document), rules)
    return [
        {"message": to_reference_wording(e.message), "locations": [line_and_column(document, p) for p in (e.positions or [])]}
        for e in errors
    ]


def line_and_column(body, position):
    # graphql-core 3.2 reports a node at the start of a line as the end of the previous line,
    # so locations are computed here from the error's character positions.
    before = body[:position]
    breaks = list(re.finditer(r"\r\n|[\n\r]", before))
    line_start = breaks[-1].end() if breaks else 0
    return [len(breaks) + 1, position - line_start + 1]


def to_reference_wording(message):
    message = re.sub(r"'([^']*)'", r'"\1"', message)
    # graphql-core names directive locations by its enum's lowercase values ("variable definition").
    return re.sub(r"may not be used on ([a-z ]+)\.$", lambda m: f"may not be used on {m.group(1).upper().replace(' ', '_')}.", message)


def main():
    schemas = {}
    out = []
    for c in CASES:
        name = c["schema"]
        if name not in schemas:
            schemas[name] = build_schema((DATA / f"{name}.graphql").read_text(encoding="utf-8"))
        try:
            oracle = oracle_errors(schemas[name], c["document"])
        except Exception as failure:  # graphql-core crashes on some documents it predates
            if c["expect"] is None:
                raise
            oracle = f"oracle failed: {failure}".splitlines()[0]
        if c["expect"] is None:
            expected = oracle
        else:
            expected = c["expect"]
            print(f"{c['rule']} / {c['name']}: deliberate difference\n  oracle:   {oracle}\n  expected: {expected}")
        entry = {"rule": c["rule"], "name": c["name"], "schema": name, "document": c["document"], "errors": expected}
        if c["reason"]:
            entry["reason"] = c["reason"]
        out.append(entry)
    target = DATA / "validation-cases.json"
    target.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} cases to {target.name}")


if __name__ == "__main__":
    main()
