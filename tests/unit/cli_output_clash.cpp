// tools/journey/output_clash: an output that names one of the verb's inputs or another output,
// by the same path, another path or a link, is refused; streams and new files are not. Two
// inputs reading standard input are refused too.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "tools/journey/output_clash.h"

using journey::cli::outputClash;

namespace {

// A temporary folder holding `events.jsonl`, removed with what the test put in it.
class Folder {
 public:
  Folder() {
    REQUIRE(mkdtemp(path_) != nullptr);
    std::ofstream(events()) << "{}\n";
  }
  ~Folder() { std::filesystem::remove_all(path_); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  std::string file(const std::string& name) const { return std::string(path_) + "/" + name; }
  std::string events() const { return file("events.jsonl"); }

 private:
  char path_[64] = "/tmp/output_clash_test.XXXXXX";
};

// Standard input or output (`fd`) taken from `path` while it lives, then given back. Nothing
// may print in between when it is standard output.
class Redirect {
 public:
  Redirect(int fd, const std::string& path, int flags) : fd_(fd), saved_(dup(fd)) {
    int opened = open(path.c_str(), flags, 0644);
    REQUIRE(opened >= 0);
    REQUIRE(dup2(opened, fd) == fd);
    close(opened);
  }
  ~Redirect() {
    dup2(saved_, fd_);
    close(saved_);
  }
  Redirect(const Redirect&) = delete;
  Redirect& operator=(const Redirect&) = delete;

 private:
  int fd_, saved_;
};

}  // namespace

TEST_CASE("output clash: the same file by any path is refused, with the flag and the input") {
  Folder folder;
  std::vector<journey::cli::NamedInput> inputs = {{folder.events(), "the --events file"},
                                                  {"", "the --profiles file"}};
  std::optional<std::string> same = outputClash({{"--out", folder.events()}}, inputs);
  REQUIRE(same);
  CHECK(*same == "--out " + folder.events() +
                     " is the --events file: writing it would destroy what is to be read");

  std::string dotted = folder.file("./events.jsonl");
  CHECK(outputClash({{"--rejected", dotted}}, inputs));

  std::string link = folder.file("link.jsonl");
  std::filesystem::create_symlink(folder.events(), link);
  std::optional<std::string> linked = outputClash({{"--out", "-"}, {"--rejected", link}}, inputs);
  REQUIRE(linked);
  CHECK(linked->rfind("--rejected " + link, 0) == 0);

  // The input through a link is the same file too.
  CHECK(outputClash({{"--out", folder.events()}}, {{link, "the --events file"}}));
}

TEST_CASE("output clash: streams, new files and other files are not clashes") {
  Folder folder;
  std::vector<journey::cli::NamedInput> inputs = {{folder.events(), "the --events file"},
                                                  {"-", "the --profiles file"}};
  CHECK_FALSE(outputClash({{"--out", "-"}, {"--rejected", ""}}, inputs));
  CHECK_FALSE(outputClash({{"--out", folder.file("new.jsonl")}}, inputs));
  std::ofstream(folder.file("other.jsonl")) << "{}\n";
  CHECK_FALSE(outputClash({{"--out", folder.file("other.jsonl")}}, inputs));
  // Both standard input and standard output: not files this check can tell apart.
  CHECK_FALSE(outputClash({{"--out", "-"}}, {{"-", "the --events file"}}));
}

TEST_CASE("output clash: two outputs naming one file are refused, existing or not") {
  Folder folder;
  std::vector<journey::cli::NamedInput> inputs = {{folder.events(), "the --events file"}};
  std::string out = folder.file("out.jsonl");
  std::optional<std::string> fresh =
      outputClash({{"--out", out}, {"--rejected", folder.file("./out.jsonl")}}, inputs);
  REQUIRE(fresh);
  CHECK(*fresh == "--rejected " + folder.file("./out.jsonl") +
                      " is the file --out names: each would overwrite the other's lines (give "
                      "`-` to both to write them together)");

  std::ofstream(out) << "{}\n";
  std::string link = folder.file("link.jsonl");
  std::filesystem::create_symlink(out, link);
  CHECK(outputClash({{"--out", out}, {"--changes", ""}, {"--rejected", link}}, inputs));
  // Two streams, or a stream and a file, are not one file.
  CHECK_FALSE(outputClash({{"--out", "-"}, {"--rejected", "-"}, {"--changes", out}}, inputs));
  CHECK_FALSE(outputClash({{"--out", out}, {"--rejected", folder.file("rejected.jsonl")}}, inputs));
  // A device any number may write, named twice.
  CHECK_FALSE(outputClash({{"--out", "/dev/null"}, {"--rejected", "/dev/null"}}, inputs));
}

TEST_CASE("output clash: `-` is the file standard input or output is redirected to") {
  Folder folder;
  std::optional<std::string> overInput, overOutput, beside;
  {
    Redirect in(STDIN_FILENO, folder.events(), O_RDONLY);
    overInput = outputClash({{"--out", folder.events()}}, {{"-", "the --events file"}});
    std::string out = folder.file("out.jsonl");
    Redirect redirected(STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC);
    overOutput = outputClash({{"--out", "-"}}, {{folder.events(), "the --events file"}});
    beside = outputClash({{"--out", "-"}, {"--rejected", out}}, {});
    // Both outputs `-` write one stream together.
    CHECK_FALSE(outputClash({{"--out", "-"}, {"--rejected", "-"}}, {}));
  }
  REQUIRE(overInput);
  CHECK(*overInput == "--out " + folder.events() +
                          " is the --events file (standard input): writing it would destroy "
                          "what is to be read");
  CHECK_FALSE(overOutput);  // standard output is another file than the input
  REQUIRE(beside);
  CHECK(*beside == "--rejected " + folder.file("out.jsonl") +
                       " is standard output, which --out writes: each would overwrite the "
                       "other's lines (give `-` to both to write them together)");
}

TEST_CASE("output clash: two relative spellings of a file not written yet are one file") {
  const std::string name = "output_clash_test_not_written.jsonl";
  REQUIRE_FALSE(std::filesystem::exists(name));
  CHECK(outputClash({{"--out", name}, {"--rejected", "./" + name}}, {}));
  CHECK(outputClash({{"--out", name}, {"--changes", std::filesystem::absolute(name)}}, {}));
}

TEST_CASE("standard input twice: two inputs naming `-` are refused, one is not") {
  using journey::cli::streamReadTwice;
  std::optional<std::string> twice =
      streamReadTwice({{"--profiles", "-"}, {"--events", "e.jsonl"}, {"--previous", "-"}});
  REQUIRE(twice);
  CHECK(*twice == "--profiles and --previous both read standard input: only one of them can");
  CHECK_FALSE(streamReadTwice({{"--profiles", "p.jsonl"}, {"--events", "-"}}));
  CHECK_FALSE(streamReadTwice({{"--profiles", ""}, {"--events", ""}}));
}

TEST_CASE("one pipe read twice by two of its names is refused; a device or file is not") {
  using journey::cli::streamReadTwice;
  int ends[2];
  REQUIRE(pipe(ends) == 0);
  std::string reading = "/dev/fd/" + std::to_string(ends[0]);
  std::string procName = "/proc/self/fd/" + std::to_string(ends[0]);
  std::optional<std::string> twice =
      streamReadTwice({{"--profiles", reading}, {"--events", procName}});
  REQUIRE(twice);
  CHECK(*twice == "--profiles and --events both read " + procName + ": only one of them can");
  CHECK_FALSE(streamReadTwice({{"--profiles", reading}, {"--events", "/dev/null"}}));
  CHECK_FALSE(streamReadTwice({{"--profiles", "/dev/null"}, {"--events", "/dev/null"}}));
  close(ends[0]);
  close(ends[1]);
}
