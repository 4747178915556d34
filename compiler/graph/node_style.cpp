#include "compiler/graph/node_style.h"

#include <array>

namespace journey::graph {

namespace {

// In the order of NodeKind.
constexpr std::array<NodeStyle, 15> kNodeStyles = {{
    {"#d5f0d5", "#3d7a3d", "invhouse", false, false, "([", "])", "entryNode"},            // Entry
    {"#fbe3e3", "#a33c3c", "octagon", false, true, "[\\", "/]", "exitsNode"},             // Exits
    {"#dbe8fb", "#3a62a0", "box", true, false, "(", ")", "sendNode"},                     // Send
    {"#fff3cc", "#9a7b12", "ellipse", false, false, "((", "))", "waitNode"},              // Wait
    {"#fff3cc", "#9a7b12", "hexagon", false, false, "{{", "}}", "waitForNode"},           // WaitFor
    {"#eeeeee", "#555555", "diamond", false, false, "{", "}", "conditionNode"},           // If
    {"#ecdff7", "#6b4590", "trapezium", false, false, "[/", "\\]", "splitNode"},          // Split
    {"#fde4d0", "#a3592a", "component", false, false, "[[", "]]", "callNode"},            // Call
    {"#f4f4f4", "#666666", "cylinder", false, false, "[(", ")]", "setNode"},              // Set
    {"#f4f4f4", "#666666", "note", false, false, "[", "]", "letNode"},                    // Let
    {"#d6f1f1", "#2f7b7b", "cds", false, false, ">", "]", "emitNode"},                    // Emit
    {"#dbe8fb", "#3a62a0", "rarrow", false, false, "[/", "/]", "gotoNode"},               // Goto
    {"#f6d5d5", "#a33c3c", "doubleoctagon", false, false, "(((", ")))", "stopNode"},      // End
    {"#f6d5d5", "#a33c3c", "doublecircle", false, false, "(((", ")))", "doneNode"},       // Finish
    {"#ffffff", "#3a62a0", "box", false, true, "[", "]", "otherJourneyNode"},             // OtherJourney
}};
static_assert(static_cast<size_t>(NodeKind::OtherJourney) + 1 == kNodeStyles.size(),
              "one style per node kind");

}  // namespace

const NodeStyle& nodeStyle(NodeKind kind) { return kNodeStyles[static_cast<size_t>(kind)]; }

}  // namespace journey::graph
