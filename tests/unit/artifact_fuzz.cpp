// Damaged artifacts: thousands of bit flips and truncations of real artifacts must each end
// in an ArtifactError (a clean one-line message), never a crash, a hang or a half-read
// program. Then the same flips with the checksum recomputed, so that the decoder and the
// validator themselves meet the damage: they must refuse it or give a program whose every
// reference is in range (printed and compiled to bytecode here, under ASan in that build).
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include "artifact_support.h"
#include "compiler/artifact/artifact_error.h"
#include "compiler/artifact/artifact_format.h"
#include "compiler/artifact/artifact_reader.h"
#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/program_printer.h"

using namespace journey;
using journey::test::fixChecksum;

namespace {

int iterations(int fallback) {
  const char* env = std::getenv("JOURNEY_ARTIFACT_MUTATIONS");
  return env ? std::atoi(env) : fallback;
}

// Reading must fail with an ArtifactError; returns its message.
std::string expectRefused(std::string_view bytes) {
  try {
    artifact::readArtifact(bytes);
  } catch (const artifact::ArtifactError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("artifact-fuzz") {
  TEST_CASE("flipped and truncated artifacts are refused with a message") {
    const std::vector<test::BuiltProgram>& programs = test::builtPrograms();
    REQUIRE(!programs.empty());
    std::mt19937_64 rng(20261130);
    int runs = iterations(10000);
    for (int i = 0; i < runs; ++i) {
      const std::string& original = programs[rng() % programs.size()].bytes;
      std::string bytes = original;
      if (i % 3 == 0) {
        bytes.resize(rng() % bytes.size());
      } else {
        int flips = 1 + static_cast<int>(rng() % 3);
        for (int f = 0; f < flips; ++f) bytes[rng() % bytes.size()] ^= static_cast<char>(1 << (rng() % 8));
        if (bytes == original) continue;  // two flips of the same bit undo each other
      }
      std::string message = expectRefused(bytes);
      CAPTURE(i);
      REQUIRE(!message.empty());
      CHECK(message.find('\n') == std::string::npos);
    }
  }

  TEST_CASE("damage behind a valid checksum is refused or stays in range") {
    const std::vector<test::BuiltProgram>& programs = test::builtPrograms();
    std::mt19937_64 rng(7);
    int runs = iterations(10000), refused = 0;
    for (int i = 0; i < runs; ++i) {
      std::string bytes = programs[rng() % programs.size()].bytes;
      int flips = 1 + static_cast<int>(rng() % 4);
      for (int f = 0; f < flips; ++f) {
        size_t at = artifact::kHeaderSize + rng() % (bytes.size() - artifact::kHeaderSize);
        if (rng() % 2) {
          bytes[at] ^= static_cast<char>(1 << (rng() % 8));
        } else {
          bytes[at] = static_cast<char>(rng());
        }
      }
      fixChecksum(bytes);
      CAPTURE(i);
      try {
        artifact::Artifact a = artifact::readArtifact(bytes);
        const ir::ProgramIr& p = a.program;
        std::string text = ir::printProgram(p, [&](ir::ExprIndex e) { return ir::printExpr(p.pool, p.exprs[e], &p.layouts); });
        CHECK(text.size() < (size_t{1} << 30));
        for (const ir::LoweredExpr& e : p.exprs) codegen::compileExpr(p.pool, e, p.layouts);
      } catch (const artifact::ArtifactError& e) {
        ++refused;
        CHECK(std::string(e.what()).find('\n') == std::string::npos);
      }
    }
    MESSAGE(runs << " damaged artifacts behind a valid checksum, " << refused << " refused");
    CHECK(refused > runs / 4);
  }

  TEST_CASE("every prefix of an artifact is refused") {
    const std::vector<test::BuiltProgram>& programs = test::builtPrograms();
    const std::string& bytes = programs.front().bytes;
    for (size_t n = 0; n < bytes.size(); ++n) {
      CAPTURE(n);
      REQUIRE(!expectRefused(std::string_view(bytes).substr(0, n)).empty());
    }
  }
}
