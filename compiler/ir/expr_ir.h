// The expression IR: what both engines execute. Lowering turns a checked AST expression into
// a tree of IR nodes in which every name is resolved (variables to slots, record fields to
// indices, calls to overload candidates, consts and `fn` calls inlined) and every macro is a
// comprehension. The bytecode compiler and the LLVM code generator both read this, never the
// AST, so the two engines cannot drift apart in meaning.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/source/source_manager.h"
#include "vm/value/value.h"

namespace journey::ir {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;
inline constexpr uint32_t kNoSlot = UINT32_MAX;

enum class NodeKind : uint8_t {
  Constant,         // constants[index]
  Variable,         // the value in slot `index`
  Field,            // kids[0].name: a record field by `index` when `record` >= 0 (the operand is
                    // statically that record), else by name (maps, dyn); absent: an error.
                    // On an optional operand it chains (`o.f` is none when `o` is).
  TestField,        // has(kids[0].name), by `index` when `record` >= 0
  OptionalField,    // kids[0].?name
  Index,            // kids[0][kids[1]]; on an optional operand it chains
  OptionalIndex,    // kids[0][?kids[1]]
  Call,             // a strict stdlib call: `candidates` overloads (one when resolved statically)
  And,              // kids[0] && kids[1], CEL's commutative error-absorbing form
  Or,               // kids[0] || kids[1]
  Conditional,      // kids[0] ? kids[1] : kids[2]
  NotStrictlyFalse, // true unless kids[0] is false (comprehension loop conditions)
  List,             // [kids...]; `optionalMask` marks `?elem` entries
  Map,              // {kids[0]: kids[1], ...}; `optionalMask` marks `?k: v` entries (by pair)
  Record,           // a record of layout `record`; kids[i] sets field fieldIndices[i]. The first
                    // `defaultCount` kids are field defaults; later kids override them, and an
                    // `optionalMask` entry sets its field only when the optional has a value.
  Comprehension,    // see Comprehension below
  Let,              // slot `index` = kids[0] while evaluating kids[1] (cel.bind, fn arguments)
  Error,            // a constant error: `name` is the message (an unbound name in unchecked mode)
};

// How a comprehension accumulates.
enum class LoopKind : uint8_t {
  Fold,        // CEL's general form: accu = init; while condition: accu = step; value = result
  ListOf,      // the list of `step` for each element where `filter` holds (map, filter,
               // transformList); an error in filter or step is the value
  MapOf,       // the map from the first variable to `step` where `filter` holds (transformMap)
  MapEntries,  // the map merging the single-entry maps `step` gives (transformMapEntry);
               // a key given twice is an error
};

// CEL's comprehension over `range` (a list: its elements, or index and element with two
// variables; a map: its keys, or key and value). Variables are slots. ListOf, MapOf and
// MapEntries build their collection directly (amortized O(1) per element) instead of CEL's
// `accu + [x]`, which would copy the accumulator at every step; the result is the same.
struct Comprehension {
  LoopKind kind = LoopKind::Fold;
  NodeId range = kNoNode;
  uint32_t iterVar = 0;
  uint32_t iterVar2 = kNoSlot;  // two-variable forms; kNoSlot when unused
  uint32_t accuVar = kNoSlot;   // Fold only
  NodeId init = kNoNode;        // Fold only
  NodeId condition = kNoNode;   // Fold: the loop stops when this is false (kNoNode: never)
  NodeId filter = kNoNode;      // ListOf, MapOf, MapEntries: kNoNode when every element counts
  NodeId step = kNoNode;
  NodeId result = kNoNode;      // Fold only
};

struct Node {
  NodeKind kind = NodeKind::Constant;
  // What the checker proved about the value's kind (ignoring errors, which any node may
  // produce): ValueKind::Error when not known statically (dyn, unchecked mode).
  ValueKind staticKind = ValueKind::Error;
  uint32_t index = 0;           // Constant: pool index; Variable/Let: slot; Field: field index
  int32_t record = -1;          // Field/TestField/Record: layout index when statically a record
  uint32_t defaultCount = 0;    // Record
  std::string name;             // Field/TestField/OptionalField: the field; Call: the function;
                                // Error: the message; Variable/Let: the variable (for printing)
  std::vector<NodeId> kids;
  std::vector<uint32_t> candidates;    // Call: indices into stdlib::standardOverloads()
  std::vector<bool> optionalMask;      // List/Map/Record
  std::vector<uint32_t> fieldIndices;  // Record
  Comprehension loop;                  // Comprehension
  SourceRange range;                   // for run-time error messages
};

// One program's expressions: a node arena and the constants they refer to.
struct ExprPool {
  std::vector<Node> nodes;
  std::vector<Value> constants;

  NodeId add(Node n) {
    nodes.push_back(std::move(n));
    return static_cast<NodeId>(nodes.size() - 1);
  }
  const Node& operator[](NodeId id) const { return nodes[id]; }
  Node& operator[](NodeId id) { return nodes[id]; }
  uint32_t constant(Value v) {
    constants.push_back(std::move(v));
    return static_cast<uint32_t>(constants.size() - 1);
  }
};

// A named input of a lowered expression: the caller puts its value in `slot` before running.
struct Input {
  std::string name;
  uint32_t slot = 0;
};

// One lowered expression: its root node and the slots it uses, inputs first (slots below
// inputCount, read in place from the caller's: a journey's frame, the profile), then locals.
struct LoweredExpr {
  NodeId root = kNoNode;
  uint32_t slotCount = 0;
  std::vector<Input> inputs;  // the inputs it reads, by slot, with their names
  uint32_t inputCount = 0;
};

}  // namespace journey::ir
