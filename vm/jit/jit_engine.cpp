#include "vm/jit/jit_engine.h"

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/Core.h>
#include <llvm/ExecutionEngine/Orc/ExecutionUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/xxhash.h>
#include <llvm/Target/TargetMachine.h>
#include <llvm/Transforms/Utils/SplitModule.h>

#include <llvm/Bitcode/BitcodeReader.h>
#include <llvm/Bitcode/BitcodeWriter.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/MemoryBuffer.h>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "compiler/codegen/llvm_codegen.h"
#include "compiler/codegen/llvm_columns.h"
#include "compiler/codegen/llvm_transitions.h"
#include "vm/interp/expression_runner.h"
#include "vm/jit/jit_abi.h"

namespace journey::jit {

namespace {

using ExprFunction = void (*)(Value* result, const Value* inputs, JitContext* ctx);
using TransitionFunction = uint32_t (*)(uint32_t* pc, uint32_t* at, Value* frame,
                                        const char* key, uint64_t keySize, Value* stopped,
                                        JitContext* ctx);

struct CompiledCode;

// The process's one LLJIT, made on first use. Helpers are defined in its main JITDylib as
// absolute symbols of this process; anything else generated code names (memset, memcpy) is
// found in the process by a search generator.
// Compiles a module with the back end's -O0 (fast instruction selection and register
// allocation) or its default level, as the module's `journey.codegen-opt` flag says: one JIT
// serves both one-off evaluations and programs compiled for a run.
class TwoLevelCompiler final : public llvm::orc::IRCompileLayer::IRCompiler {
 public:
  TwoLevelCompiler(std::unique_ptr<llvm::TargetMachine> fast,
                   std::unique_ptr<llvm::TargetMachine> optimized)
      : IRCompiler(llvm::orc::irManglingOptionsFromTargetOptions(optimized->Options)),
        fast_(std::move(fast)),
        optimized_(std::move(optimized)) {}

  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> operator()(llvm::Module& m) override {
    auto* level =
        llvm::mdconst::extract_or_null<llvm::ConstantInt>(m.getModuleFlag("journey.codegen-opt"));
    bool optimize = level && level->getZExtValue() > 0;
    llvm::orc::SimpleCompiler compile(optimize ? *optimized_ : *fast_);
    return compile(m);
  }

 private:
  std::unique_ptr<llvm::TargetMachine> fast_, optimized_;
};

// A program's optimised module as the modules the back end compiles side by side, one per
// core: the optimising back end is most of a program's compile time (docs/jit.md). A module is
// split only for that back end (at -O0 the split costs more than it saves) and when each part
// gets enough functions to be worth it; `wanted` (0: one per core) sets the count. Each part
// gets a context of its own, since modules sharing one cannot be compiled at once. Splitting
// makes the module's local symbols global: they are named after the program first, so that
// parts and programs do not clash in the JITDylib.
std::vector<llvm::orc::ThreadSafeModule> partition(codegen::LlvmUnit& unit,
                                                   const std::string& prefix, unsigned wanted,
                                                   int codegenLevel) {
  constexpr size_t kFunctionsPerPart = 32;
  size_t functions = 0;
  for (const llvm::Function& f : *unit.module) functions += !f.isDeclaration();
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  size_t parts = wanted > 0          ? std::min<size_t>(wanted, functions)
                 : codegenLevel == 0 ? 1
                                     : std::min(cores, functions / kFunctionsPerPart);
  std::vector<llvm::orc::ThreadSafeModule> out;
  if (parts > 1) {
    for (llvm::GlobalValue& g : unit.module->global_values()) {
      if (g.hasLocalLinkage()) g.setName(prefix + "." + g.getName());
    }
    bool failed = false;
    llvm::SplitModule(
        *unit.module, static_cast<unsigned>(parts),
        [&](std::unique_ptr<llvm::Module> part) {
          llvm::SmallVector<char, 0> bitcode;
          llvm::raw_svector_ostream os(bitcode);
          llvm::WriteBitcodeToFile(*part, os);
          auto context = std::make_unique<llvm::LLVMContext>();
          auto parsed = llvm::parseBitcodeFile(
              llvm::MemoryBufferRef(llvm::StringRef(bitcode.data(), bitcode.size()), prefix),
              *context);
          if (!parsed) {
            llvm::consumeError(parsed.takeError());
            failed = true;
            return;
          }
          out.emplace_back(std::move(*parsed), std::move(context));
        },
        /*PreserveLocals=*/false, /*RoundRobin=*/true);
    if (!failed) return out;
    out.clear();  // the module, its locals made global, still holds everything
  }
  out.emplace_back(std::move(unit.module), std::move(unit.context));
  return out;
}

struct Jit {
  std::unique_ptr<llvm::orc::LLJIT> lljit;
  std::unique_ptr<llvm::TargetMachine> machine;  // for the optimiser's cost model
  // The optimising back end for a program's parts, one per thread compiling them (a
  // TargetMachine is not safe to share between threads), made on first need.
  std::optional<llvm::orc::JITTargetMachineBuilder> builder;
  std::vector<std::unique_ptr<llvm::TargetMachine>> backEnds;
  std::string error;                             // why there is no JIT
  std::mutex mutex;                              // compiling, looking up, unloading, the cache
  uint64_t programs = 0;                         // symbol prefixes: one per module
  // Code in the JIT by the key of its IR (codeKey): a program compiled again while its code
  // is loaded reuses it.
  std::map<std::string, std::weak_ptr<CompiledCode>> loaded;
};

Jit& theJit();

// One module's code in the JIT, shared by every engine made from the same IR; the last one
// to go unloads it.
struct CompiledCode {
  std::string key;
  llvm::orc::ResourceTrackerSP tracker;
  std::vector<ExprFunction> functions;          // per expression
  std::vector<TransitionFunction> transitions;  // per journey (null: no pure step)
  std::vector<runtime::ExpressionEngine::ColumnKernel> kernels;  // per planned expression

  ~CompiledCode() {
    Jit& jit = theJit();
    std::lock_guard<std::mutex> lock(jit.mutex);
    if (llvm::Error e = tracker->remove()) llvm::consumeError(std::move(e));
    auto it = jit.loaded.find(key);
    if (it != jit.loaded.end() && it->second.expired()) jit.loaded.erase(it);
  }
};

std::string message(llvm::Error error) { return llvm::toString(std::move(error)); }

Jit& theJit() {
  static Jit jit;
  static std::once_flag once;
  std::call_once(once, [] {
    if (!abiMatchesValueLayout()) {
      jit.error = "the value layout is not the one the JIT's ABI expects";
      return;
    }
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
    if (!builder) {
      jit.error = message(builder.takeError());
      return;
    }
    builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Default);
    auto machine = builder->createTargetMachine();
    if (!machine) {
      jit.error = message(machine.takeError());
      return;
    }
    jit.machine = std::move(*machine);
    jit.builder = *builder;
    auto lljit =
        llvm::orc::LLJITBuilder()
            .setJITTargetMachineBuilder(*builder)
            .setCompileFunctionCreator(
                [](llvm::orc::JITTargetMachineBuilder b)
                    -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
                  auto optimized = b.createTargetMachine();
                  if (!optimized) return optimized.takeError();
                  b.setCodeGenOptLevel(llvm::CodeGenOptLevel::None);
                  auto fast = b.createTargetMachine();
                  if (!fast) return fast.takeError();
                  return std::make_unique<TwoLevelCompiler>(std::move(*fast),
                                                            std::move(*optimized));
                })
            .create();
    if (!lljit) {
      jit.error = message(lljit.takeError());
      return;
    }
    llvm::orc::JITDylib& main = (*lljit)->getMainJITDylib();
    llvm::orc::SymbolMap helpers;
    for (const HelperSymbol& h : helperSymbols()) {
      helpers[(*lljit)->mangleAndIntern(h.name)] = llvm::orc::ExecutorSymbolDef(
          llvm::orc::ExecutorAddr::fromPtr(h.address),
          llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable);
    }
    if (llvm::Error e = main.define(llvm::orc::absoluteSymbols(std::move(helpers)))) {
      jit.error = message(std::move(e));
      return;
    }
    auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
        (*lljit)->getDataLayout().getGlobalPrefix());
    if (!process) {
      jit.error = message(process.takeError());
      return;
    }
    main.addGenerator(std::move(*process));
    jit.lljit = std::move(*lljit);
  });
  return jit;
}

// The middle end (docs/jit.md, "Optimisation levels"): level 1 is a short function pipeline
// that gives the speed of LLVM's -O2 on our code at a sixth of its cost (the frame split into
// registers, loads forwarded, dead stores and branches removed); 2 and 3 are LLVM's default
// module pipelines, kept for measurement.
void optimize(llvm::Module& module, int level, llvm::TargetMachine* machine) {
  if (level <= 0) return;
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(machine);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::ModulePassManager mpm;
  if (level == 1) {
    // A single instcombine run need not reach a fixed point; by name it would check that it
    // did and abort the process when not (LLVM's default pipelines do not check either).
    const char* pipeline =
        "function(sroa,early-cse,instcombine<no-verify-fixpoint>,simplifycfg,gvn,dse,simplifycfg)";
    if (llvm::Error e = pb.parsePassPipeline(mpm, pipeline)) {
      llvm::consumeError(std::move(e));  // a fixed, valid pipeline: cannot happen
      return;
    }
  } else {
    mpm = pb.buildPerModuleDefaultPipeline(level == 2 ? llvm::OptimizationLevel::O2
                                                      : llvm::OptimizationLevel::O3);
  }
  mpm.run(module, mam);
}

// What the JIT compiles: expressions over one pool and, for a program, its journeys' steps.
struct Source {
  const ir::ExprPool& pool;
  const std::vector<ir::LoweredExpr>& exprs;
  const ir::RecordLayouts& layouts;
  const std::vector<ir::JourneyIr>* journeys = nullptr;
  const ir::ColumnPlan* columns = nullptr;
};

class JitEngine final : public runtime::ExpressionEngine {
 public:
  // `interpreted`: the expressions whose functions call the interpreter (LlvmUnit::interpreted).
  JitEngine(JitTables tables, std::shared_ptr<const CompiledCode> code, const Source& source,
            const std::vector<uint32_t>& interpreted, const interp::Limits& limits)
      : tables_(std::move(tables)), code_(std::move(code)), limits_(limits) {
    if (interpreted.empty()) return;
    runners_.resize(source.exprs.size());
    for (uint32_t e : interpreted) {
      runners_[e] = std::make_unique<interp::ExpressionRunner>(source.pool, source.exprs[e],
                                                               source.layouts, limits);
    }
  }

  Value evaluate(ir::ExprIndex expr, const Value* inputs, stdlib::CallContext& call) override {
    JitContext ctx = context(call);
    Value result;
    code_->functions[expr](&result, inputs, &ctx);
    return result;
  }

  PureSteps runPureSteps(uint32_t journey, ir::StepIndex pc, ir::StepIndex at, Value* frame,
                         std::string_view key, stdlib::CallContext& call) override {
    PureSteps ran{pc, at, false, Value()};
    TransitionFunction f =
        journey < code_->transitions.size() ? code_->transitions[journey] : nullptr;
    if (!f) return ran;
    JitContext ctx = context(call);
    ran.failed = f(&ran.pc, &ran.at, frame, key.data(), key.size(), &ran.stopped, &ctx) != 0;
    return ran;
  }

  ColumnKernel columnKernel(size_t planned) const override {
    return planned < code_->kernels.size() ? code_->kernels[planned] : nullptr;
  }

 private:
  JitContext context(stdlib::CallContext& call) const {
    JitContext ctx;
    ctx.constants = tables_.constants.data();
    ctx.layouts = tables_.layouts.data();
    ctx.maxIterations = limits_.maxIterations;
    ctx.maxCollectionSize = limits_.maxCollectionSize;
    ctx.maxTextBytes = limits_.maxTextBytes;
    ctx.tables = &tables_;
    ctx.call = &call;
    ctx.interpreted = runners_.data();
    return ctx;
  }

  JitTables tables_;  // this engine's: constants and layouts differ between equal modules
  std::shared_ptr<const CompiledCode> code_;
  interp::Limits limits_;
  // Per expression, the runner of one left to the interpreter (null for compiled ones): this
  // engine's, as interpreters are not shared between threads.
  std::vector<std::unique_ptr<interp::ExpressionRunner>> runners_;
};

bool generate(const Source& source, const std::string& prefix, codegen::LlvmUnit& unit,
              std::string& whyNot, size_t largestCompiled) {
  if (!codegen::generateLlvm(source.pool, source.exprs, source.layouts, prefix, unit, whyNot,
                             largestCompiled)) {
    return false;
  }
  if (source.columns &&
      !codegen::generateColumnKernels(source.pool, source.exprs, *source.columns, prefix, unit,
                                      whyNot, largestCompiled)) {
    return false;
  }
  static const std::vector<ir::JourneyIr> none;
  return codegen::generateTransitions(source.journeys ? *source.journeys : none, prefix, unit,
                                      whyNot);
}

// What makes two compilations give the same code: the module's IR (generated under a neutral
// prefix; hashed as bitcode, which writes several times faster than text), the target, and the
// optimisation levels.
std::string codeKey(const codegen::LlvmUnit& unit, const std::string& target, int optLevel,
                    int codegenLevel) {
  llvm::SmallVector<char, 0> bitcode;
  llvm::raw_svector_ostream os(bitcode);
  llvm::WriteBitcodeToFile(*unit.module, os);
  uint64_t hash = llvm::xxh3_64bits(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t*>(bitcode.data()), bitcode.size()));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(hex) + " " + target + " O" + std::to_string(optLevel) + " codegen" +
         std::to_string(codegenLevel);
}

// Gives every function of the module its final name (`to` instead of the neutral prefix): a
// prefix unique in the process, so that a module compiled while an equal one is being unloaded
// cannot clash, or native code's prefix, fixed by its key.
void rename(codegen::LlvmUnit& unit, const std::string& from, const std::string& to) {
  auto renamed = [&](std::string& name) {
    if (name.empty()) return;
    std::string now = to + name.substr(from.size());
    unit.module->getFunction(name)->setName(now);
    name = std::move(now);
  };
  for (std::string& name : unit.functions) renamed(name);
  for (std::string& name : unit.transitions) renamed(name);
  for (std::string& name : unit.kernels) renamed(name);
  unit.module->setModuleIdentifier(to);
}

// The code of `unit`'s functions, added to the JIT under `tracker` (as IR or as an object):
// looked up, and registered under `key` for reuse. Null, with the reason, when a symbol cannot
// be found (the tracker's code is then removed). The caller holds the mutex.
std::shared_ptr<CompiledCode> registerCode(Jit& jit, const codegen::LlvmUnit& unit,
                                           const std::string& key,
                                           llvm::orc::ResourceTrackerSP tracker,
                                           std::string& whyNot) {
  // One query for every symbol: per-symbol lookups cost more than linking the code.
  llvm::orc::SymbolLookupSet wanted;
  for (const std::string& name : unit.functions) wanted.add(jit.lljit->mangleAndIntern(name));
  for (const std::vector<std::string>* names : {&unit.transitions, &unit.kernels}) {
    for (const std::string& name : *names) {
      if (!name.empty()) wanted.add(jit.lljit->mangleAndIntern(name));
    }
  }
  llvm::orc::ExecutionSession& session = jit.lljit->getExecutionSession();
  auto found = session.lookup(
      llvm::orc::makeJITDylibSearchOrder(&jit.lljit->getMainJITDylib()), std::move(wanted));
  if (!found) {
    whyNot = "LLVM cannot compile the module: " + message(found.takeError());
    if (llvm::Error e = tracker->remove()) llvm::consumeError(std::move(e));
    return nullptr;
  }
  auto address = [&](const std::string& name) {
    return (*found)[jit.lljit->mangleAndIntern(name)].getAddress().toPtr<void*>();
  };
  auto code = std::make_shared<CompiledCode>();
  code->key = key;
  code->tracker = std::move(tracker);
  for (const std::string& name : unit.functions) {
    code->functions.push_back(reinterpret_cast<ExprFunction>(address(name)));
  }
  for (const std::string& name : unit.transitions) {
    code->transitions.push_back(
        name.empty() ? nullptr : reinterpret_cast<TransitionFunction>(address(name)));
  }
  for (const std::string& name : unit.kernels) {
    code->kernels.push_back(name.empty() ? nullptr
                                         : reinterpret_cast<runtime::ExpressionEngine::ColumnKernel>(
                                               address(name)));
  }
  jit.loaded[key] = code;
  return code;
}

// Adds a program's code under `tracker`: one module as IR, compiled when looked up; several
// compiled here first, each on its own thread, and added as objects. False, with the reason,
// when a part cannot be compiled or added (the tracker's code is then removed). The caller
// holds the mutex.
bool addParts(Jit& jit, const llvm::orc::ResourceTrackerSP& tracker,
              std::vector<llvm::orc::ThreadSafeModule>& parts, std::string& whyNot) {
  auto fail = [&](std::string why) {
    whyNot = std::move(why);
    if (llvm::Error e = tracker->remove()) llvm::consumeError(std::move(e));
    return false;
  };
  if (parts.size() == 1) {
    if (llvm::Error e = jit.lljit->addIRModule(tracker, std::move(parts[0]))) {
      return fail("LLVM cannot add the module: " + message(std::move(e)));
    }
    return true;
  }
  while (jit.backEnds.size() < parts.size()) {
    llvm::orc::JITTargetMachineBuilder builder = *jit.builder;
    builder.setCodeGenOptLevel(llvm::CodeGenOptLevel::Default);
    auto machine = builder.createTargetMachine();
    if (!machine) return fail("LLVM cannot make a back end: " + message(machine.takeError()));
    jit.backEnds.push_back(std::move(*machine));
  }
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects(parts.size());
  std::vector<std::string> errors(parts.size());
  auto compile = [&](size_t i) {
    parts[i].withModuleDo([&](llvm::Module& m) {
      auto object = llvm::orc::SimpleCompiler(*jit.backEnds[i])(m);
      if (object) {
        objects[i] = std::move(*object);
      } else {
        errors[i] = message(object.takeError());
      }
    });
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < parts.size(); ++i) threads.emplace_back(compile, i);
  compile(0);
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!objects[i]) return fail("LLVM cannot compile the module: " + errors[i]);
    if (llvm::Error e = jit.lljit->addObjectFile(tracker, std::move(objects[i]))) {
      return fail("LLVM cannot add the module: " + message(std::move(e)));
    }
  }
  return true;
}

// The loaded code of `key`, if an engine still uses it. The caller holds the mutex.
std::shared_ptr<CompiledCode> findLoaded(Jit& jit, const std::string& key) {
  auto found = jit.loaded.find(key);
  return found == jit.loaded.end() ? nullptr : found->second.lock();
}

int backEndLevel(const JitOptions& options) {
  int level = options.codegenOptLevel >= 0 ? options.codegenOptLevel : options.optLevel;
  return level > 0 ? 2 : 0;
}

// Code the JIT compiles runs here: the host's CPU, whose name the key includes.
std::string hostTarget(const Jit& jit) {
  return jit.lljit->getTargetTriple().str() + " " + jit.machine->getTargetCPU().str();
}

// Phases of a compilation, timed into JitStats.
class Laps {
 public:
  explicit Laps(JitStats* stats) : stats_(stats) {
    if (stats_) stats_->reused = false;
  }
  void lap(double JitStats::*phase) {
    Clock::time_point now = Clock::now();
    if (stats_) stats_->*phase = std::chrono::duration<double>(now - mark_).count();
    mark_ = now;
  }
  void reused() {
    if (stats_) stats_->reused = true;
  }

 private:
  using Clock = std::chrono::steady_clock;
  JitStats* stats_;
  Clock::time_point mark_ = Clock::now();
};

std::unique_ptr<runtime::ExpressionEngine> makeEngine(const Source& source, std::string& whyNot,
                                                      const JitOptions& options) {
  Jit& jit = theJit();
  if (!jit.lljit) {
    whyNot = "LLVM's JIT is not available: " + jit.error;
    return nullptr;
  }
  Laps laps(options.stats);
  const std::string neutral = "journey";
  codegen::LlvmUnit unit;
  if (!generate(source, neutral, unit, whyNot, options.largestCompiledNodes)) return nullptr;
  int codegenLevel = backEndLevel(options);
  std::string key = codeKey(unit, hostTarget(jit), options.optLevel, codegenLevel);
  laps.lap(&JitStats::generate);

  std::shared_ptr<CompiledCode> code;
  {
    std::lock_guard<std::mutex> lock(jit.mutex);
    if (!options.compiledIr) code = findLoaded(jit, key);
    if (code) {
      laps.reused();
    } else {
      rename(unit, neutral, "journey_p" + std::to_string(jit.programs++));
      unit.module->setDataLayout(jit.lljit->getDataLayout());
      unit.module->setTargetTriple(jit.lljit->getTargetTriple().str());
      unit.module->addModuleFlag(llvm::Module::Warning, "journey.codegen-opt", codegenLevel);
      optimize(*unit.module, options.optLevel, jit.machine.get());
      laps.lap(&JitStats::optimize);
      if (options.compiledIr) *options.compiledIr = codegen::printLlvm(unit);

      llvm::orc::ResourceTrackerSP tracker = jit.lljit->getMainJITDylib().createResourceTracker();
      std::string prefix = unit.module->getModuleIdentifier();
      std::vector<llvm::orc::ThreadSafeModule> parts =
          partition(unit, prefix, options.partitions, codegenLevel);
      if (!addParts(jit, tracker, parts, whyNot)) return nullptr;
      code = registerCode(jit, unit, key, tracker, whyNot);
      if (!code) return nullptr;
    }
  }
  laps.lap(&JitStats::compile);
  if (options.stats) options.stats->interpreted = unit.interpreted.size();
  return std::make_unique<JitEngine>(std::move(unit.tables), std::move(code), source,
                                     unit.interpreted, options.limits);
}

// ---- native code (compiled ahead of time) -------------------------------------------------

// Native code runs on any CPU of the triple: it is compiled for the triple's generic CPU.
std::string nativeTarget(const Jit& jit) {
  return jit.lljit->getTargetTriple().str() + " generic";
}

// Its functions' names: fixed by the key (two processes must agree on them).
std::string nativePrefix(const std::string& key) { return "journey_n" + key.substr(0, 16); }

}  // namespace

std::optional<NativeCode> compileNative(const ir::ProgramIr& program, std::string& whyNot,
                                        const JitOptions& options) {
  Jit& jit = theJit();
  if (!jit.lljit) {
    whyNot = "LLVM's JIT is not available: " + jit.error;
    return std::nullopt;
  }
  const std::string neutral = "journey";
  codegen::LlvmUnit unit;
  Source source{program.pool, program.exprs, program.layouts, &program.journeys};
  if (!generate(source, neutral, unit, whyNot, options.largestCompiledNodes)) return std::nullopt;
  NativeCode native;
  native.target = nativeTarget(jit);
  native.llvmVersion = LLVM_VERSION_STRING;
  native.key = codeKey(unit, native.target, options.optLevel, backEndLevel(options));
  rename(unit, neutral, nativePrefix(native.key));

  // The target machine ORC would use for the triple (position-independent, small code model),
  // on the generic CPU.
  llvm::orc::JITTargetMachineBuilder builder(jit.lljit->getTargetTriple());
  builder.setCPU("generic");
  builder.setRelocationModel(llvm::Reloc::PIC_);
  builder.setCodeModel(llvm::CodeModel::Small);
  builder.setCodeGenOptLevel(backEndLevel(options) > 0 ? llvm::CodeGenOptLevel::Default
                                                       : llvm::CodeGenOptLevel::None);
  auto machine = builder.createTargetMachine();
  if (!machine) {
    whyNot = message(machine.takeError());
    return std::nullopt;
  }
  unit.module->setDataLayout((*machine)->createDataLayout());
  unit.module->setTargetTriple(jit.lljit->getTargetTriple().str());
  optimize(*unit.module, options.optLevel, machine->get());
  auto object = llvm::orc::SimpleCompiler(**machine)(*unit.module);
  if (!object) {
    whyNot = "LLVM cannot compile the program: " + message(object.takeError());
    return std::nullopt;
  }
  native.object.assign((*object)->getBufferStart(), (*object)->getBufferEnd());
  return native;
}

std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ProgramIr& program,
                                                         const NativeCode& native,
                                                         std::string& whyNot,
                                                         const JitOptions& options) {
  Jit& jit = theJit();
  if (!jit.lljit) {
    whyNot = "LLVM's JIT is not available: " + jit.error;
    return nullptr;
  }
  if (native.target != nativeTarget(jit) || native.llvmVersion != LLVM_VERSION_STRING) {
    whyNot = "the native code is for " + native.target + " with LLVM " + native.llvmVersion +
             "; this is " + nativeTarget(jit) + " with LLVM " + LLVM_VERSION_STRING;
    return nullptr;
  }
  Laps laps(options.stats);
  const std::string neutral = "journey";
  codegen::LlvmUnit unit;  // for its tables and names; its module is not compiled
  Source source{program.pool, program.exprs, program.layouts, &program.journeys};
  if (!generate(source, neutral, unit, whyNot, options.largestCompiledNodes)) return nullptr;
  std::string key = codeKey(unit, native.target, options.optLevel, backEndLevel(options));
  if (key != native.key) {
    whyNot = "the native code was not compiled from this program's IR with these options";
    return nullptr;
  }
  rename(unit, neutral, nativePrefix(key));
  laps.lap(&JitStats::generate);

  std::shared_ptr<CompiledCode> code;
  {
    std::lock_guard<std::mutex> lock(jit.mutex);
    code = findLoaded(jit, key);
    if (code) {
      laps.reused();
    } else {
      llvm::orc::ResourceTrackerSP tracker = jit.lljit->getMainJITDylib().createResourceTracker();
      auto buffer = llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(native.object.data(), native.object.size()), nativePrefix(key));
      if (llvm::Error e = jit.lljit->addObjectFile(tracker, std::move(buffer))) {
        whyNot = "LLVM cannot load the native code: " + message(std::move(e));
        return nullptr;
      }
      code = registerCode(jit, unit, key, tracker, whyNot);
      if (!code) return nullptr;
    }
  }
  laps.lap(&JitStats::compile);
  if (options.stats) options.stats->interpreted = unit.interpreted.size();
  return std::make_unique<JitEngine>(std::move(unit.tables), std::move(code), source,
                                     unit.interpreted, options.limits);
}

std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ExprPool& pool,
                                                         const std::vector<ir::LoweredExpr>& exprs,
                                                         const ir::RecordLayouts& layouts,
                                                         std::string& whyNot,
                                                         const JitOptions& options) {
  return makeEngine(Source{pool, exprs, layouts, nullptr, options.columns}, whyNot, options);
}

std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ProgramIr& program,
                                                         std::string& whyNot,
                                                         const JitOptions& options) {
  return makeEngine(
      Source{program.pool, program.exprs, program.layouts, &program.journeys, options.columns},
      whyNot, options);
}

namespace {

std::string emitLlvm(const Source& source) {
  codegen::LlvmUnit unit;
  std::string whyNot;
  if (!generate(source, "journey", unit, whyNot, codegen::kLargestCompiledNodes)) return "; error: " + whyNot + "\n";
  return codegen::printLlvm(unit);
}

}  // namespace

std::string emitLlvm(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                     const ir::RecordLayouts& layouts) {
  return emitLlvm(Source{pool, exprs, layouts});
}

std::string emitLlvm(const ir::ProgramIr& program) {
  return emitLlvm(Source{program.pool, program.exprs, program.layouts, &program.journeys});
}

}  // namespace journey::jit
