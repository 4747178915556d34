#include "tools/journey/repl/bounded_line.h"

namespace journey::repl {

LineRead readBoundedLine(std::istream& in, std::string& line, size_t max) {
  line.clear();
  std::streambuf* buffer = in.rdbuf();
  if (buffer == nullptr || !in.good()) return LineRead::End;
  bool any = false;
  for (;;) {
    int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any ? LineRead::Line : LineRead::End;
    }
    if (c == '\n') return LineRead::Line;
    if (line.size() == max) return LineRead::TooLong;
    line.push_back(static_cast<char>(c));
    any = true;
  }
}

}  // namespace journey::repl
