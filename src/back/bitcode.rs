//! A module's bitcode in the form the built-in backend writes it (`--emit=llvm-bc`, bitcode
//! objects for linker-plugin LTO, `-Cembed-bitcode`), and its embedding into the object file.

use std::path::Path;

use crate::ModuleLlvm;
use crate::llvm::{self, ir};

/// The global that LLVM's `embed-bitcode` pass puts the bitcode into.
const EMBEDDED_OBJECT: &[u8] = b"llvm.embedded.object";

/// Runs a pass pipeline on `llmod` with default options.
fn run_pipeline(module: &ModuleLlvm, llmod: &llvm::Module, pipeline: &str) -> Result<(), String> {
    llvm::passes::run_passes(llmod, pipeline, module.target_machine()?, &Default::default())
}

/// Runs LLVM's `embed-bitcode<thinlto>` pass on `llmod` and returns what it wrote: the module's
/// bitcode with a ThinLTO summary (the C API has no ThinLTO bitcode writer). The pass leaves a
/// global holding the bytes in `llmod`.
fn run_thin_writer(module: &ModuleLlvm, llmod: &llvm::Module) -> Result<Vec<u8>, String> {
    run_pipeline(module, llmod, "embed-bitcode<thinlto>")?;
    ir::named_global(llmod, EMBEDDED_OBJECT)
        .and_then(ir::initializer)
        .and_then(ir::constant_string)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| "LLVM's embed-bitcode pass left no bitcode in the module".to_owned())
}

/// The module's bitcode as the built-in backend serializes modules for its outputs: with a
/// ThinLTO summary, so a linker doing LTO on it (or rustc's ThinLTO reading it back from
/// `.llvmbc`) finds the summary it needs.
///
/// The writer runs on a copy, so the global it leaves (with its `llvm.compiler.used` entry and
/// metadata) never reaches the module that becomes the object file. The copy is made after the
/// renaming passes the ThinLTO writer needs, which the object gets too, as with the built-in
/// backend. (The pass supports ELF and COFF; on Mach-O LLVM stops the process.)
pub fn module_bitcode(module: &ModuleLlvm) -> Result<Vec<u8>, String> {
    run_pipeline(module, module.llmod(), "canonicalize-aliases,name-anon-globals")?;
    run_thin_writer(module, llvm::module::OwnedModule::copy_of(module.llmod()).get())
}

/// The ThinLTO bitcode of a module that is about to be dropped: no copy needed.
pub fn take_thin_bitcode(module: &ModuleLlvm) -> Result<Vec<u8>, String> {
    run_thin_writer(module, module.llmod())
}

/// Module-level assembly that puts `data` into an ELF section with the given flags. Bytes are
/// written as fixed-width octal escapes so the assembly is plain ASCII and no escape can run
/// into the next character.
fn section_with_data(section: &str, flags: &str, data: &[u8]) -> Vec<u8> {
    let mut asm = format!(".section {section},\"{flags}\"\n.ascii \"").into_bytes();
    asm.reserve(data.len() * 2);
    for &byte in data {
        match byte {
            b'"' | b'\\' => asm.extend_from_slice(&[b'\\', byte]),
            0x20..0x7f => asm.push(byte),
            _ => asm.extend_from_slice(&[b'\\', b'0' + (byte >> 6), b'0' + ((byte >> 3) & 7), b'0' + (byte & 7)]),
        }
    }
    asm.extend_from_slice(b"\"\n");
    asm
}

/// Embeds `bitcode` in the module's object file where tools (rustc's own LTO among them) look
/// for it, as the built-in backend does: `.llvmbc` with an empty `.llvmcmd` beside it.
///
/// Both sections are flagged SHF_EXCLUDE ("e") to be left out of the linked artifact; LLVM has
/// no API for section flags on globals, hence module-level assembly (ELF targets only, as this
/// backend).
pub fn embed_in_object(module: &ModuleLlvm, bitcode: &[u8]) {
    for asm in [section_with_data(".llvmbc", "e", bitcode), section_with_data(".llvmcmd", "e", &[])] {
        ir::append_module_inline_asm(module.llmod(), &asm);
    }
}

/// Writes the module's bitcode as it is (no summary), for `-Csave-temps` snapshots.
pub fn write_plain(module: &ModuleLlvm, path: &Path) -> Result<(), String> {
    llvm::bitcode::write_to_file(module.llmod(), path)
}
