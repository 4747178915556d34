#include "compiler/graph/graphviz_reader.h"

#include <string>
#include <unordered_map>

namespace journey::graph {

namespace {

// Ids by order of appearance: names get even ids (2, 4, …), anonymous objects (edges) odd ones,
// as in cgraph's default discipline, which tells the two apart by parity.
struct SequentialIds {
  std::unordered_map<std::string, IDTYPE> byName;
  std::unordered_map<IDTYPE, std::string> names;
  IDTYPE nextNamed = 2;
  IDTYPE nextAnonymous = 1;
};

void* openIds(Agraph_t*, Agdisc_t*) { return new SequentialIds; }

long mapId(void* state, int, char* name, IDTYPE* id, int create) {
  auto* ids = static_cast<SequentialIds*>(state);
  if (name == nullptr) {
    *id = ids->nextAnonymous;
    ids->nextAnonymous += 2;
    return 1;
  }
  auto found = ids->byName.find(name);
  if (found != ids->byName.end()) {
    *id = found->second;
    return 1;
  }
  if (!create) return 0;
  *id = ids->nextNamed;
  ids->nextNamed += 2;
  ids->byName.emplace(name, *id);
  ids->names.emplace(*id, name);
  return 1;
}

long allocId(void*, int, IDTYPE) { return 0; }  // ids the caller chooses: not supported
void freeId(void*, int, IDTYPE) {}               // names live as long as the graph
char* printId(void* state, int, IDTYPE id) {
  auto* ids = static_cast<SequentialIds*>(state);
  auto found = ids->names.find(id);
  return found == ids->names.end() ? nullptr : found->second.data();
}
void closeIds(void* state) { delete static_cast<SequentialIds*>(state); }
void registerId(void*, int, void*) {}

Agiddisc_t sequentialIdDiscipline = {openIds, mapId, allocId, freeId, printId, closeIds, registerId};

// Reading from a string in memory.
struct DotText {
  std::string_view text;
  size_t position = 0;
};

int readDotText(void* channel, char* buffer, int size) {
  auto* in = static_cast<DotText*>(channel);
  // cgraph's scanner reads a line at a time: hand it one, as agmemread does.
  size_t n = 0;
  while (n + 1 < static_cast<size_t>(size) && in->position < in->text.size()) {
    char c = in->text[in->position++];
    buffer[n++] = c;
    if (c == '\n') break;
  }
  return static_cast<int>(n);
}

}  // namespace

Agraph_t* readGraphvizGraph(std::string_view dot) {
  // The graph keeps pointers to the id and io disciplines for its whole life.
  static Agiodisc_t io = {readDotText, AgIoDisc.putstr, AgIoDisc.flush};
  Agdisc_t discipline = {&AgMemDisc, &sequentialIdDiscipline, &io};
  DotText in{dot};
  return agread(&in, &discipline);
}

}  // namespace journey::graph
