// `journey inspect OUT.jart [--json]`: what an artifact holds — versions, checksum, schema,
// sources, the size of each section, and the program's declarations with each journey's
// entry. The artifact is fully checked first, like `journey run` does.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "compiler/artifact/schema_fingerprint.h"
#include "compiler/codegen/bytecode_compiler.h"
#include "tools/journey/artifact_file.h"
#include "tools/journey/commands.h"
#include "tools/journey/printable_text.h"
#include "vm/interp/interpreter.h"
#include "vm/runtime/time_math.h"
#include "vm/value/json_string.h"
#include "vm/value/printer.h"

namespace journey::cli {
namespace {

struct InspectOptions {
  std::string file;
  bool json = false;
};

const char* const kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday"};

// A constant expression's value as the source writes it: a duration as a literal (`12h`), any
// other value as a CEL literal; `…` when it needs inputs or fails.
std::string constantText(const ir::ProgramIr& p, ir::ExprIndex e) {
  if (!p.exprs[e].inputs.empty()) return "…";
  codegen::Chunk chunk = codegen::compileExpr(p.pool, p.exprs[e], p.layouts);
  stdlib::CallContext noHost;
  Value v = interp::Interpreter(chunk).run(noHost);
  if (v.isError()) return "…";
  if (v.kind() == ValueKind::Duration) return runtime::authorDuration(v.asDuration());
  return toCelLiteral(v);
}

std::string entryText(const ir::ProgramIr& p, const ir::JourneyIr& j) {
  if (const auto* e = std::get_if<ir::EventEntryIr>(&j.entry)) {
    return "on event " + p.events[e->event].name + (e->when == ir::kNoExpr ? "" : " when …");
  }
  if (const auto* e = std::get_if<ir::AudienceEntryIr>(&j.entry)) {
    return "on audience " + p.audiences[e->audience].name + (e->onExit ? " exit" : "");
  }
  if (const auto* e = std::get_if<ir::ScheduledEntryIr>(&j.entry)) {
    const ir::ScheduleIr& s = e->schedule;
    std::string when;
    switch (s.kind) {
      case ir::ScheduleIr::Kind::DayAt: when = fmt::format("day at {:02}:{:02}", s.hour, s.minute); break;
      case ir::ScheduleIr::Kind::WeekdayAt:
        when = fmt::format("{} at {:02}:{:02}", kWeekdays[s.weekday], s.hour, s.minute);
        break;
      case ir::ScheduleIr::Kind::Hour: when = "hour"; break;
      case ir::ScheduleIr::Kind::Every: when = constantText(p, s.every); break;
      case ir::ScheduleIr::Kind::Cron: when = "cron \"" + s.cron + "\""; break;
    }
    std::string zone = e->timezone == ir::kNoExpr ? "" : " in " + constantText(p, e->timezone);
    return "every " + when + zone + " for audience " + p.audiences[e->audience].name +
           (e->incremental ? " incremental" : "");
  }
  const auto& at = std::get<ir::AtEntryIr>(j.entry);
  return "at " + constantText(p, at.at) + " for audience " + p.audiences[at.audience].name;
}

std::string schemaName(const ir::ProgramIr& p) {
  return p.profileRecord ? p.types.recordInfo(*p.profileRecord).name : "none";
}

template <typename T>
std::vector<std::string> names(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(item.name);
  return out;
}

// Names and strings come from the file: each is printed on its own line's terms, a newline in
// one escaped like any control byte (printableText).
std::string safe(std::string_view text) { return printableText(text, Newlines::Escaped); }

std::string commaList(const std::vector<std::string>& items) {
  if (items.empty()) return "none";
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + safe(items[i]);
  return out;
}

void printText(const std::string& path, const artifact::Artifact& a) {
  const ir::ProgramIr& p = a.program;
  std::string out;
  out += fmt::format("artifact:   {} ({} bytes)\n", safe(path), a.totalSize);
  out += fmt::format("format:     version {}\n", a.formatVersion);
  out += fmt::format("compiler:   journey {}\n", safe(a.compilerVersion));
  out += fmt::format("target:     {}\n", safe(a.targetTriple));
  out += fmt::format("checksum:   {:016x} (CRC-64/XZ, verified)\n", a.checksum);
  out += fmt::format("schema:     {}, fingerprint {}\n", safe(schemaName(p)),
                     artifact::fingerprintText(a.schemaFingerprint));
  std::vector<std::string> sources;
  for (const artifact::SourceFile& f : a.sources) {
    sources.push_back(fmt::format("{} ({} bytes)", f.path, f.size));
  }
  out += fmt::format("sources:    {}\n", commaList(sources));
  out += fmt::format("sections:\n");
  for (const artifact::SectionInfo& s : a.sections) {
    out += fmt::format("  {}  {:>8} bytes\n", safe(s.id), s.size);
  }
  out += fmt::format("events:     {}\n", commaList(names(p.events)));
  out += fmt::format("audiences:  {}\n", commaList(names(p.audiences)));
  out += fmt::format("channels:   {}\n", commaList(names(p.channels)));
  out += fmt::format("actions:    {}\n", commaList(names(p.actions)));
  out += fmt::format("journeys:{}\n", p.journeys.empty() ? "   none" : "");
  size_t width = 0;
  for (const ir::JourneyIr& j : p.journeys) width = std::max(width, safe(j.name).size());
  for (const ir::JourneyIr& j : p.journeys) {
    out += fmt::format("  {:<{}}  {}\n", safe(j.name), width, safe(entryText(p, j)));
  }
  fmt::print("{}", out);
}

std::string jsonString(std::string_view s) {
  std::string out;
  appendJsonText(out, s);  // a source path need not be UTF-8
  return out;
}

std::string jsonNames(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + jsonString(items[i]);
  return out + "]";
}

void printJson(const std::string& path, const artifact::Artifact& a) {
  const ir::ProgramIr& p = a.program;
  std::string out = "{";
  out += fmt::format("\"artifact\":{},\"bytes\":{},\"format\":{},\"compiler\":{},\"target\":{},",
                     jsonString(path), a.totalSize, a.formatVersion, jsonString(a.compilerVersion),
                     jsonString(a.targetTriple));
  out += fmt::format("\"checksum\":\"{:016x}\",\"schema\":{{\"record\":{},\"fingerprint\":\"{}\"}},",
                     a.checksum, jsonString(schemaName(p)), artifact::fingerprintText(a.schemaFingerprint));
  out += "\"sources\":[";
  for (size_t i = 0; i < a.sources.size(); ++i) {
    const artifact::SourceFile& f = a.sources[i];
    out += fmt::format("{}{{\"path\":{},\"bytes\":{},\"checksum\":\"{:016x}\"}}", i ? "," : "",
                       jsonString(f.path), f.size, f.checksum);
  }
  out += "],\"sections\":[";
  for (size_t i = 0; i < a.sections.size(); ++i) {
    const artifact::SectionInfo& s = a.sections[i];
    out += fmt::format("{}{{\"id\":{},\"offset\":{},\"bytes\":{}}}", i ? "," : "", jsonString(s.id),
                       s.offset, s.size);
  }
  out += "],\"events\":" + jsonNames(names(p.events)) + ",\"audiences\":" + jsonNames(names(p.audiences)) +
         ",\"channels\":" + jsonNames(names(p.channels)) + ",\"actions\":" + jsonNames(names(p.actions)) +
         ",\"journeys\":[";
  for (size_t i = 0; i < p.journeys.size(); ++i) {
    out += fmt::format("{}{{\"name\":{},\"entry\":{}}}", i ? "," : "", jsonString(p.journeys[i].name),
                       jsonString(entryText(p, p.journeys[i])));
  }
  fmt::print("{}]}}\n", out);
}

int runInspect(const InspectOptions& opt) {
  std::optional<artifact::Artifact> a = loadArtifactFile(opt.file);
  if (!a) return kInputErrors;
  if (opt.json) {
    printJson(opt.file, *a);
  } else {
    printText(opt.file, *a);
  }
  return kSuccess;
}

}  // namespace

Action addInspectCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("inspect", "describe an artifact (.jart)");
  auto opt = std::make_shared<InspectOptions>();
  cmd->add_option("file", opt->file, "the artifact")->required();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  return [opt]() { return runInspect(*opt); };
}

}  // namespace journey::cli
