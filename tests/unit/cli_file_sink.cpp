// tools/journey/file_sink.h: a sink that opened its file writes every line, in order, however
// many megabytes it gathers before writing; a sink on a shared stream keeps its lines in order
// with what others write to the stream between them.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tools/journey/file_sink.h"

using journey::cli::FileSink;
using journey::cli::openSink;

namespace {

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string tempPath(const std::string& name) {
  return std::filesystem::temp_directory_path().string() + "/journey_sink_" + name + "_" +
         std::to_string(::getpid());
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("file sink: an opened file gets every line in order, across its large writes") {
  std::string path = tempPath("owned");
  std::string want;
  {
    std::unique_ptr<FileSink> sink = openSink(path, stdout);
    REQUIRE(sink);
    // About 3.4 MB: several of the sink's own writes, and a last part left for its end.
    for (int i = 0; i < 40'000; ++i) {
      std::string line = "{\"n\": " + std::to_string(i) + ", \"pad\": \"" +
                         std::string(static_cast<size_t>(i % 150), 'x') + "\"}";
      sink->write(line);
      want += line + "\n";
    }
  }
  CHECK(want.size() > 3'000'000);
  std::string got = fileText(path);
  CHECK(got.size() == want.size());
  CHECK(got == want);
  std::remove(path.c_str());
}

TEST_CASE("file sink: a shared stream keeps its lines in order with other writers") {
  std::string path = tempPath("shared");
  std::FILE* stream = std::fopen(path.c_str(), "wb");
  REQUIRE(stream);
  {
    FileSink first(stream), second(stream);  // as --out and --rejected - share stdout
    for (int i = 0; i < 1'000; ++i) {
      first.write("a" + std::to_string(i));
      std::fputs("direct\n", stream);
      second.write("b" + std::to_string(i));
    }
  }
  std::fclose(stream);
  std::string want;
  for (int i = 0; i < 1'000; ++i) {
    want += "a" + std::to_string(i) + "\ndirect\nb" + std::to_string(i) + "\n";
  }
  CHECK(fileText(path) == want);
  std::remove(path.c_str());
}

TEST_CASE("file sink: a path that cannot be opened gives no sink; none gives the fallback") {
  CHECK_FALSE(openSink("/nonexistent-directory/out.jsonl", stdout));
  CHECK(openSink("", stderr) != nullptr);
}

}  // TEST_SUITE
