// The schema fingerprint: CRC-64 of a canonical text of the profile type, in which record
// names are left out and fields are sorted by name, each with its type and whether it is
// optional (`?`) or has a default (`=`). Two schemas have the same fingerprint when they
// accept the same profile lines, whatever their types are called or the order fields are
// declared in. `journey run --schema-fingerprint FP` refuses a program whose schema differs
// from the one its profiles were written under.
#pragma once

#include <cstdint>
#include <string>

#include "compiler/sema/types.h"

namespace journey::artifact {

// `{age:int,email:string?,id:string,tags:list<string>=}` for the profile type.
std::string canonicalSchema(const sema::TypeTable& types, sema::TypeId profile);
uint64_t schemaFingerprint(const sema::TypeTable& types, sema::TypeId profile);
// 16 lowercase hex digits, as `journey inspect` prints it and `--schema-fingerprint` takes it.
std::string fingerprintText(uint64_t fingerprint);

}  // namespace journey::artifact
