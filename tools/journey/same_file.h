// Whether two paths name one file, however they are spelt (`f.jsonl`, `./f.jsonl`, an absolute
// path, a link).
#pragma once

#include <string>

namespace journey::cli {

// By identity when both exist; else by the paths made absolute and normal (an output not
// written yet).
bool sameFile(const std::string& a, const std::string& b);

}  // namespace journey::cli
