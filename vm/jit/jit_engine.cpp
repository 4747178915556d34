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
#include <llvm/Target/TargetMachine.h>

#include <chrono>
#include <mutex>

#include "compiler/codegen/llvm_codegen.h"
#include "vm/jit/jit_abi.h"

namespace journey::jit {

namespace {

using ExprFunction = void (*)(Value* result, const Value* inputs, JitContext* ctx);

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

struct Jit {
  std::unique_ptr<llvm::orc::LLJIT> lljit;
  std::unique_ptr<llvm::TargetMachine> machine;  // for the optimiser's cost model
  std::string error;                             // why there is no JIT
  std::mutex mutex;                              // compiling, looking up, unloading
  uint64_t programs = 0;                         // symbol prefixes: one per module
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
  llvm::OptimizationLevel o = level == 1   ? llvm::OptimizationLevel::O1
                              : level == 2 ? llvm::OptimizationLevel::O2
                                           : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(o);
  mpm.run(module, mam);
}

class JitEngine final : public runtime::ExpressionEngine {
 public:
  JitEngine(JitTables tables, std::vector<ExprFunction> functions,
            llvm::orc::ResourceTrackerSP tracker, const interp::Limits& limits)
      : tables_(std::move(tables)),
        functions_(std::move(functions)),
        tracker_(std::move(tracker)),
        limits_(limits) {}

  ~JitEngine() override {
    Jit& jit = theJit();
    std::lock_guard<std::mutex> lock(jit.mutex);
    if (llvm::Error e = tracker_->remove()) llvm::consumeError(std::move(e));
  }

  Value evaluate(ir::ExprIndex expr, const Value* inputs, stdlib::CallContext& call) override {
    JitContext ctx;
    ctx.constants = tables_.constants.data();
    ctx.layouts = tables_.layouts.data();
    ctx.maxIterations = limits_.maxIterations;
    ctx.maxCollectionSize = limits_.maxCollectionSize;
    ctx.maxTextBytes = limits_.maxTextBytes;
    ctx.tables = &tables_;
    ctx.call = &call;
    Value result;
    functions_[expr](&result, inputs, &ctx);
    return result;
  }

 private:
  JitTables tables_;
  std::vector<ExprFunction> functions_;
  llvm::orc::ResourceTrackerSP tracker_;
  interp::Limits limits_;
};

}  // namespace

std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ExprPool& pool,
                                                         const std::vector<ir::LoweredExpr>& exprs,
                                                         const ir::RecordLayouts& layouts,
                                                         std::string& whyNot,
                                                         const JitOptions& options) {
  Jit& jit = theJit();
  if (!jit.lljit) {
    whyNot = "LLVM's JIT is not available: " + jit.error;
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(jit.mutex);
  using Clock = std::chrono::steady_clock;
  Clock::time_point mark = Clock::now();
  auto lap = [&](double JitStats::*phase) {
    Clock::time_point now = Clock::now();
    if (options.stats) options.stats->*phase = std::chrono::duration<double>(now - mark).count();
    mark = now;
  };
  std::string prefix = "journey_p" + std::to_string(jit.programs++);
  codegen::LlvmUnit unit;
  if (!codegen::generateLlvm(pool, exprs, layouts, prefix, unit, whyNot)) return nullptr;
  lap(&JitStats::generate);
  unit.module->setDataLayout(jit.lljit->getDataLayout());
  unit.module->setTargetTriple(jit.lljit->getTargetTriple().str());
  int codegenLevel = options.codegenOptLevel >= 0 ? options.codegenOptLevel : options.optLevel;
  unit.module->addModuleFlag(llvm::Module::Warning, "journey.codegen-opt",
                             codegenLevel > 0 ? 2 : 0);
  optimize(*unit.module, options.optLevel, jit.machine.get());
  lap(&JitStats::optimize);
  if (options.compiledIr) *options.compiledIr = codegen::printLlvm(unit);

  llvm::orc::ResourceTrackerSP tracker = jit.lljit->getMainJITDylib().createResourceTracker();
  llvm::orc::ThreadSafeModule module(std::move(unit.module), std::move(unit.context));
  if (llvm::Error e = jit.lljit->addIRModule(tracker, std::move(module))) {
    whyNot = "LLVM cannot add the module: " + message(std::move(e));
    return nullptr;
  }
  std::vector<ExprFunction> functions;
  functions.reserve(unit.functions.size());
  for (const std::string& name : unit.functions) {
    auto address = jit.lljit->lookup(name);
    if (!address) {
      whyNot = "LLVM cannot compile `" + name + "`: " + message(address.takeError());
      if (llvm::Error e = tracker->remove()) llvm::consumeError(std::move(e));
      return nullptr;
    }
    functions.push_back(address->toPtr<ExprFunction>());
  }
  lap(&JitStats::compile);
  return std::make_unique<JitEngine>(std::move(unit.tables), std::move(functions),
                                     std::move(tracker), options.limits);
}

std::unique_ptr<runtime::ExpressionEngine> makeJitEngine(const ir::ProgramIr& program,
                                                         std::string& whyNot,
                                                         const JitOptions& options) {
  return makeJitEngine(program.pool, program.exprs, program.layouts, whyNot, options);
}

std::string emitLlvm(const ir::ExprPool& pool, const std::vector<ir::LoweredExpr>& exprs,
                     const ir::RecordLayouts& layouts) {
  codegen::LlvmUnit unit;
  std::string whyNot;
  if (!codegen::generateLlvm(pool, exprs, layouts, "journey", unit, whyNot)) {
    return "; error: " + whyNot + "\n";
  }
  return codegen::printLlvm(unit);
}

}  // namespace journey::jit
