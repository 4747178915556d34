#include "compiler/artifact/schema_fingerprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compiler/artifact/crc64.h"

namespace journey::artifact {

namespace {

class Describer {
 public:
  explicit Describer(const sema::TypeTable& types) : types_(types) {}

  std::string type(sema::TypeId t) {
    const sema::TypeData& d = types_.get(t);
    switch (d.kind) {
      case sema::TypeKind::List: return "list<" + type(d.params[0]) + ">";
      case sema::TypeKind::Map: return "map<" + type(d.params[0]) + "," + type(d.params[1]) + ">";
      case sema::TypeKind::Optional: return "optional<" + type(d.params[0]) + ">";
      case sema::TypeKind::Type: return "type<" + type(d.params[0]) + ">";
      case sema::TypeKind::Record: return record(d.record);
      default: return types_.print(t);
    }
  }

 private:
  std::string record(sema::RecordId r) {
    // A record inside itself is named by how many records up it starts: `^1`.
    auto open = std::find(expanding_.begin(), expanding_.end(), r);
    if (open != expanding_.end()) return "^" + std::to_string(expanding_.end() - open);
    expanding_.push_back(r);
    std::vector<std::string> fields;
    for (const sema::RecordField& f : types_.recordInfo(r).fields) {
      fields.push_back(f.name + ":" + type(f.type) + (f.optional ? "?" : "") + (f.hasDefault ? "=" : ""));
    }
    expanding_.pop_back();
    std::sort(fields.begin(), fields.end());
    std::string out = "{";
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + fields[i];
    return out + "}";
  }

  const sema::TypeTable& types_;
  std::vector<sema::RecordId> expanding_;
};

}  // namespace

std::string canonicalSchema(const sema::TypeTable& types, sema::TypeId profile) {
  return Describer(types).type(profile);
}

uint64_t schemaFingerprint(const sema::TypeTable& types, sema::TypeId profile) {
  return crc64(canonicalSchema(types, profile));
}

std::string fingerprintText(uint64_t fingerprint) { return fmt::format("{:016x}", fingerprint); }

}  // namespace journey::artifact
