//! Which symbols LLVM may assume are defined in the module's own executable or shared object
//! (`dso_local`), so references to them bind directly instead of going through the GOT/PLT.
//! The rules are the built-in backend's, so that both sides of every reference agree.

use rustc_session::config::CrateType;
use rustc_target::spec::RelocModel;

use crate::context::CodegenCx;
use crate::llvm::{self, LLVMLinkage, LLVMVisibility, Value};

impl<'ll, 'tcx> CodegenCx<'ll, 'tcx> {
    /// Marks `v` dso_local if it can be; `is_declaration` says whether the caller is only
    /// declaring it (a definition may still follow in this module).
    pub fn assume_dso_local(&self, v: &'ll Value, is_declaration: bool) -> bool {
        let assume = self.may_assume_dso_local(v, is_declaration);
        if assume {
            llvm::set_dso_local(v);
        }
        assume
    }

    fn may_assume_dso_local(&self, v: &'ll Value, is_declaration: bool) -> bool {
        let sess = self.tcx.sess;
        let linkage = llvm::get_linkage(v);
        if matches!(linkage, LLVMLinkage::LLVMInternalLinkage | LLVMLinkage::LLVMPrivateLinkage) {
            return true;
        }
        // Hidden and protected symbols cannot be preempted from outside.
        if llvm::get_visibility(v) != LLVMVisibility::LLVMDefaultVisibility
            && linkage != LLVMLinkage::LLVMExternalWeakLinkage
        {
            return true;
        }
        // Nothing links against an executable's definitions.
        let only_executables = self.tcx.crate_types().iter().all(|ty| *ty == CrateType::Executable);
        let declared_for_linker = is_declaration || linkage == LLVMLinkage::LLVMAvailableExternallyLinkage;
        if only_executables && !declared_for_linker {
            return true;
        }
        // As clang, only ELF and COFF get this.
        if sess.target.is_like_darwin {
            return false;
        }
        // A position-independent executable's own definitions are reachable PC-relative.
        if sess.relocation_model() == RelocModel::Pie && !is_declaration {
            return true;
        }
        // Thread-locals cannot use copy relocations.
        if llvm::ir::is_global_variable(v) && llvm::ir::is_thread_local(v) {
            return false;
        }
        if let Some(direct) = sess.direct_access_external_data() {
            return direct;
        }
        // Statically linked code reaches everything directly (copy relocations for data).
        sess.relocation_model() == RelocModel::Static
    }
}
