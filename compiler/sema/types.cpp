// The type table: interning, printing, and the parser of the stdlib's type patterns.
#include "compiler/sema/types.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace journey::sema {

int RecordInfo::find(std::string_view field, size_t next) const {
  if (next < fields.size() && fields[next].name == field) return static_cast<int>(next);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field) return static_cast<int>(i);
  }
  return -1;
}

bool TypeData::operator<(const TypeData& o) const {
  return std::tie(kind, params, record, name) < std::tie(o.kind, o.params, o.record, o.name);
}

TypeTable::TypeTable() {
  error_ = intern({TypeKind::Error, {}, 0, {}});
  dyn_ = intern({TypeKind::Dyn, {}, 0, {}});
  null_ = intern({TypeKind::Null, {}, 0, {}});
  bool_ = intern({TypeKind::Bool, {}, 0, {}});
  int_ = intern({TypeKind::Int, {}, 0, {}});
  uint_ = intern({TypeKind::Uint, {}, 0, {}});
  double_ = intern({TypeKind::Double, {}, 0, {}});
  string_ = intern({TypeKind::String, {}, 0, {}});
  bytes_ = intern({TypeKind::Bytes, {}, 0, {}});
  timestamp_ = intern({TypeKind::Timestamp, {}, 0, {}});
  duration_ = intern({TypeKind::Duration, {}, 0, {}});
}

TypeId TypeTable::intern(TypeData d) {
  auto it = index_.find(d);
  if (it != index_.end()) return it->second;
  TypeId id = static_cast<TypeId>(types_.size());
  types_.push_back(d);
  index_.emplace(std::move(d), id);
  return id;
}

TypeId TypeTable::list(TypeId element) { return intern({TypeKind::List, {element}, 0, {}}); }
TypeId TypeTable::map(TypeId key, TypeId value) {
  return intern({TypeKind::Map, {key, value}, 0, {}});
}
TypeId TypeTable::optional(TypeId inner) { return intern({TypeKind::Optional, {inner}, 0, {}}); }
TypeId TypeTable::typeOf(TypeId denoted) { return intern({TypeKind::Type, {denoted}, 0, {}}); }
TypeId TypeTable::param(std::string_view name) {
  return intern({TypeKind::Param, {}, 0, std::string(name)});
}
TypeId TypeTable::record(RecordId r) { return intern({TypeKind::Record, {}, r, {}}); }

RecordId TypeTable::addRecord(RecordInfo info) {
  records_.push_back(std::move(info));
  return static_cast<RecordId>(records_.size() - 1);
}

std::string TypeTable::print(TypeId t) const {
  std::string out;
  printTo(out, t, 0);
  return out;
}

void TypeTable::printTo(std::string& out, TypeId t, size_t depth) const {
  // A type nested deeper than anyone reads is cut: built from constants that wrap one another,
  // one can be thousands of levels deep, and printing it whole would recurse as deep.
  constexpr size_t kPrintedDepth = 64;
  const TypeData& d = types_[t];
  auto inside = [&](std::string_view open, TypeId p) {
    out += open;
    if (depth + 1 > kPrintedDepth) {
      out += "…";
    } else {
      printTo(out, p, depth + 1);
    }
  };
  switch (d.kind) {
    case TypeKind::Error: out += "<error>"; return;
    case TypeKind::Dyn: out += "dyn"; return;
    case TypeKind::Null: out += "null_type"; return;
    case TypeKind::Bool: out += "bool"; return;
    case TypeKind::Int: out += "int"; return;
    case TypeKind::Uint: out += "uint"; return;
    case TypeKind::Double: out += "double"; return;
    case TypeKind::String: out += "string"; return;
    case TypeKind::Bytes: out += "bytes"; return;
    case TypeKind::Timestamp: out += "timestamp"; return;
    case TypeKind::Duration: out += "duration"; return;
    case TypeKind::List: inside("list<", d.params[0]); out += ">"; return;
    case TypeKind::Map:
      inside("map<", d.params[0]);
      inside(", ", d.params[1]);
      out += ">";
      return;
    case TypeKind::Optional: inside("optional<", d.params[0]); out += ">"; return;
    case TypeKind::Type:
      // A type value whose denoted type is unknown is just `type`, as CEL prints it.
      if (types_[d.params[0]].kind == TypeKind::Dyn) {
        out += "type";
        return;
      }
      inside("type<", d.params[0]);
      out += ">";
      return;
    case TypeKind::Record: out += records_[d.record].name; return;
    case TypeKind::Param: out += d.name; return;
  }
  out += "<error>";
}

bool TypeTable::nestsDeeperThan(TypeId t, size_t levels) const {
  std::vector<std::pair<TypeId, size_t>> pending = {{t, 0}};  // a type and its depth
  while (!pending.empty()) {
    auto [type, depth] = pending.back();
    pending.pop_back();
    for (TypeId p : types_[type].params) {
      if (depth + 1 > levels) return true;
      pending.emplace_back(p, depth + 1);
    }
  }
  return false;
}

namespace {

[[noreturn]] void badPattern(std::string_view pattern, const char* why) {
  std::fprintf(stderr, "internal error: bad type pattern `%.*s`: %s\n",
               static_cast<int>(pattern.size()), pattern.data(), why);
  std::abort();
}

// Recursive descent over `name` or `name<pattern, ...>`.
class PatternParser {
 public:
  PatternParser(TypeTable& types, std::string_view text) : types_(types), text_(text) {}

  TypeId parseAll() {
    TypeId t = parse();
    skipSpaces();
    if (pos_ != text_.size()) badPattern(text_, "trailing text");
    return t;
  }

 private:
  void skipSpaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  bool eat(char c) {
    skipSpaces();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  TypeId parse() {
    skipSpaces();
    size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    std::string_view name = text_.substr(start, pos_ - start);
    if (name.empty()) badPattern(text_, "expected a type name");
    std::vector<TypeId> params;
    if (eat('<')) {
      do params.push_back(parse());
      while (eat(','));
      if (!eat('>')) badPattern(text_, "expected `>`");
    }
    auto arity = [&](size_t n) {
      if (params.size() != n) badPattern(text_, "wrong number of type parameters");
    };
    if (name.size() == 1 && std::isupper(static_cast<unsigned char>(name[0]))) {
      arity(0);
      return types_.param(name);
    }
    if (name == "list") {
      arity(1);
      return types_.list(params[0]);
    }
    if (name == "map") {
      arity(2);
      return types_.map(params[0], params[1]);
    }
    if (name == "optional") {
      arity(1);
      return types_.optional(params[0]);
    }
    if (name == "type") {  // `type` alone: a type value of any type
      if (params.empty()) return types_.typeOf(types_.dyn());
      arity(1);
      return types_.typeOf(params[0]);
    }
    arity(0);
    if (name == "dyn") return types_.dyn();
    if (name == "null_type") return types_.null();
    if (name == "bool") return types_.boolean();
    if (name == "int") return types_.int64();
    if (name == "uint") return types_.uint64();
    if (name == "double") return types_.double64();
    if (name == "string") return types_.string();
    if (name == "bytes") return types_.bytes();
    if (name == "timestamp") return types_.timestamp();
    if (name == "duration") return types_.duration();
    badPattern(text_, "unknown type name");
  }

  TypeTable& types_;
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

TypeId TypeTable::parsePattern(std::string_view pattern) {
  return PatternParser(*this, pattern).parseAll();
}

}  // namespace journey::sema
