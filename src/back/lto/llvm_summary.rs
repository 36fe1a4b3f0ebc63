//! LLVM's own ThinLTO summary, read straight out of bitcode: the summary of a module that
//! arrives as bitcode (upstream crates' rlibs, the incremental cache) without parsing the module,
//! which costs far more (libstd: about 0.6 s to parse, against milliseconds to read).
//!
//! What is read: the module's global values (`MODULE_CODE_GLOBALVAR`, `FUNCTION`, `ALIAS`,
//! `IFUNC` records, numbered in that order; names from the string table), whether it has
//! module-level assembly, and the per-module summary block: for each definition its flags
//! (linkage, "not eligible to import"), instruction count, function flags (`noinline`,
//! `alwaysinline`), references and calls. Record layouts are those of LLVM 22's bitcode writer
//! (`tests/lto.rs` checks them against modules summarized both ways, with
//! `INKWELL_CHECK_SUMMARIES`; the tests below, the flag bits).

use rustc_data_structures::fx::FxHashMap;

use super::bitstream::{Entry, Reader};
use super::summary::{Definition, Kind, ModuleSummary};
use crate::llvm::LLVMLinkage;

const MODULE_BLOCK: u64 = 8;
const SUMMARY_BLOCK: u64 = 20;
const STRTAB_BLOCK: u64 = 23;
const BLOCKINFO_BLOCK: u64 = 0;

// MODULE_BLOCK records.
const MODULE_CODE_ASM: u64 = 4;
const MODULE_CODE_GLOBALVAR: u64 = 7;
const MODULE_CODE_FUNCTION: u64 = 8;
const MODULE_CODE_ALIAS: u64 = 14;
const MODULE_CODE_IFUNC: u64 = 15;

// GLOBALVAL_SUMMARY_BLOCK records.
const FS_PERMODULE: u64 = 1;
const FS_PERMODULE_GLOBALVAR_INIT_REFS: u64 = 3;
const FS_PERMODULE_PROFILE: u64 = 2;
const FS_ALIAS: u64 = 7;
const FS_PERMODULE_RELBF: u64 = 19;

struct GlobalValue {
    kind: Kind,
    name: (usize, usize),
}

#[derive(Default)]
struct Module {
    values: Vec<GlobalValue>,
    has_asm: bool,
    /// Summary records: value id → definition, with references as value ids.
    summaries: Vec<(u64, Definition)>,
    found_summary: bool,
}

/// The summary of a module's bitcode; `None` when the bitcode has no ThinLTO summary (or holds
/// several modules), in which case the caller parses the module instead.
pub fn read(data: &[u8]) -> Result<Option<ModuleSummary>, String> {
    let data = strip_wrapper(data)?;
    if !data.starts_with(b"BC\xC0\xDE") {
        return Err("not LLVM bitcode".into());
    }
    let mut r = Reader::new(data);
    let mut module: Option<Module> = None;
    let mut strtab: &[u8] = &[];
    while let Some(entry) = r.next()? {
        match entry {
            Entry::Block(MODULE_BLOCK) => {
                if module.is_some() {
                    return Ok(None);
                }
                r.enter()?;
                module = Some(read_module(&mut r)?);
            }
            Entry::Block(STRTAB_BLOCK) => {
                r.enter()?;
                while let Some(entry) = r.next()? {
                    match entry {
                        Entry::Record { blob: Some(blob), .. } => strtab = blob,
                        Entry::Block(_) => r.skip_block()?,
                        Entry::End => break,
                        Entry::Record { .. } => {}
                    }
                }
            }
            Entry::Block(BLOCKINFO_BLOCK) => r.enter()?,
            Entry::Block(_) => r.skip_block()?,
            Entry::Record { .. } | Entry::End => {}
        }
    }
    let Some(module) = module else { return Err("no module in the bitcode".into()) };
    if !module.found_summary {
        return Ok(None);
    }
    to_summary(module, strtab).map(Some)
}

/// Bitcode may come in a wrapper (magic `0x0B17C0DE`, then version, offset and size).
fn strip_wrapper(data: &[u8]) -> Result<&[u8], String> {
    if !data.starts_with(b"\xDE\xC0\x17\x0B") {
        return Ok(data);
    }
    let field = |at: usize| data.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize);
    let (offset, size) = field(8).zip(field(12)).ok_or("a truncated bitcode wrapper")?;
    data.get(offset..offset + size).ok_or_else(|| "a bitcode wrapper points past the end".into())
}

fn read_module(r: &mut Reader<'_>) -> Result<Module, String> {
    let mut m = Module::default();
    while let Some(entry) = r.next()? {
        match entry {
            Entry::End => return Ok(m),
            Entry::Block(SUMMARY_BLOCK) => {
                r.enter()?;
                m.found_summary = true;
                read_summary(r, &mut m)?;
            }
            Entry::Block(BLOCKINFO_BLOCK) => r.enter()?,
            Entry::Block(_) => r.skip_block()?,
            Entry::Record { code, ops, .. } => {
                let kind = match code {
                    MODULE_CODE_ASM => {
                        m.has_asm |= !ops.is_empty();
                        continue;
                    }
                    MODULE_CODE_GLOBALVAR => Kind::Variable,
                    MODULE_CODE_FUNCTION => Kind::Function,
                    // An ifunc is no definition the analysis can use; it only needs its name.
                    MODULE_CODE_ALIAS | MODULE_CODE_IFUNC => Kind::Alias,
                    _ => continue,
                };
                let (&offset, &size) = ops.first().zip(ops.get(1)).ok_or("a global value record without a name")?;
                m.values.push(GlobalValue { kind, name: (offset as usize, size as usize) });
            }
        }
    }
    Err("the module block does not end".into())
}

fn read_summary(r: &mut Reader<'_>, m: &mut Module) -> Result<(), String> {
    while let Some(entry) = r.next()? {
        let (code, ops) = match entry {
            Entry::End => return Ok(()),
            Entry::Block(_) => {
                r.skip_block()?;
                continue;
            }
            Entry::Record { code, ops, .. } => (code, ops),
        };
        let field = |i: usize| ops.get(i).copied().ok_or_else(|| format!("summary record {code} is too short"));
        match code {
            FS_PERMODULE | FS_PERMODULE_PROFILE | FS_PERMODULE_RELBF => {
                // [valueid, flags, instcount, fflags, numrefs, rorefcnt, worefcnt,
                //  numrefs x valueid, calls: valueid, or (valueid, hotness or frequency)]
                let (id, flags, insts, fflags, numrefs) =
                    (field(0)?, field(1)?, field(2)?, field(3)?, field(4)? as usize);
                let refs = ops.get(7..7 + numrefs).ok_or("a function summary's references are cut short")?.to_vec();
                let calls_start = 7 + numrefs;
                let step = if code == FS_PERMODULE { 1 } else { 2 };
                let calls = ops[calls_start..].iter().step_by(step).copied().collect();
                let def = definition(Kind::Function, flags, insts as u32, fflags, refs, calls);
                m.summaries.push((id, def));
            }
            FS_PERMODULE_GLOBALVAR_INIT_REFS => {
                // [valueid, flags, varflags, n x valueid]; varflags: read-only, write-only,
                // constant, ...
                let (id, flags, varflags) = (field(0)?, field(1)?, field(2)?);
                let refs = ops.get(3..).unwrap_or_default().to_vec();
                let mut def = definition(Kind::Variable, flags, 0, 0, refs, vec![]);
                def.constant = varflags & (1 << 2) != 0;
                m.summaries.push((id, def));
            }
            FS_ALIAS => {
                // [valueid, flags, aliasee valueid]
                let (id, flags, aliasee) = (field(0)?, field(1)?, field(2)?);
                m.summaries.push((id, definition(Kind::Alias, flags, 0, 0, vec![aliasee], vec![])));
            }
            _ => {}
        }
    }
    Err("the summary block does not end".into())
}

/// A definition from summary flags, with its references still as value ids.
fn definition(kind: Kind, flags: u64, inst_count: u32, fflags: u64, refs: Vec<u64>, calls: Vec<u64>) -> Definition {
    Definition {
        kind,
        linkage: linkage(flags & 0xf),
        inst_count,
        noinline: fflags & (1 << 4) != 0,
        always_inline: fflags & (1 << 5) != 0,
        not_eligible_to_import: flags & (1 << 4) != 0,
        // "Live" in a per-module summary: a member of `llvm.used` / `llvm.compiler.used`.
        used: flags & (1 << 5) != 0,
        constant: false,
        calls: calls.into_iter().map(|v| v as u32).collect(),
        refs: refs.into_iter().map(|v| v as u32).collect(),
    }
}

/// `llvm::GlobalValue::LinkageTypes`, as the summary flags store it.
fn linkage(raw: u64) -> LLVMLinkage {
    use LLVMLinkage::*;
    match raw {
        0 => LLVMExternalLinkage,
        1 => LLVMAvailableExternallyLinkage,
        2 => LLVMLinkOnceAnyLinkage,
        3 => LLVMLinkOnceODRLinkage,
        4 => LLVMWeakAnyLinkage,
        5 => LLVMWeakODRLinkage,
        6 => LLVMAppendingLinkage,
        7 => LLVMInternalLinkage,
        8 => LLVMPrivateLinkage,
        9 => LLVMExternalWeakLinkage,
        _ => LLVMCommonLinkage,
    }
}

/// Renumbers the definitions first, then the global values they refer to, as
/// [`ModuleSummary`] wants them.
fn to_summary(m: Module, strtab: &[u8]) -> Result<ModuleSummary, String> {
    let name = |v: &GlobalValue| -> Result<Box<[u8]>, String> {
        let (offset, size) = v.name;
        strtab.get(offset..offset + size).map(Box::from).ok_or_else(|| "a name is outside the string table".into())
    };
    let mut summaries = m.summaries;
    // Copies of definitions made elsewhere are no definitions here.
    summaries.retain(|(_, d)| d.linkage != LLVMLinkage::LLVMAvailableExternallyLinkage);
    let mut index: FxHashMap<u64, u32> = FxHashMap::default();
    let mut symbols = Vec::with_capacity(summaries.len());
    for (id, _) in &summaries {
        let value = m.values.get(*id as usize).ok_or("a summary for an unknown value")?;
        index.insert(*id, symbols.len() as u32);
        symbols.push(name(value)?);
    }
    let mut defs = Vec::with_capacity(summaries.len());
    for (id, mut def) in summaries {
        def.kind = m.values[id as usize].kind;
        for list in [&mut def.calls, &mut def.refs] {
            for r in list.iter_mut() {
                let value = m.values.get(*r as usize).ok_or("a reference to an unknown value")?;
                let next = symbols.len() as u32;
                let entry = *index.entry(*r as u64).or_insert(next);
                if entry == next {
                    symbols.push(name(value)?);
                }
                *r = entry;
            }
            list.sort_unstable();
            list.dedup();
        }
        defs.push(def);
    }
    Ok(ModuleSummary { symbols, defs, has_module_asm: m.has_asm })
}

/// How two summaries of the same module differ (ours made from its IR, LLVM's read from its
/// bitcode), ignoring LLVM's own globals, which LLVM does not summarize.
pub fn differences(ours: &ModuleSummary, llvm: &ModuleSummary) -> Vec<String> {
    let by_name = |s: &ModuleSummary| -> FxHashMap<Vec<u8>, usize> {
        (0..s.defs.len()).map(|d| (s.name(d as u32).to_vec(), d)).filter(|(n, _)| !n.starts_with(b"llvm.")).collect()
    };
    let (a, b) = (by_name(ours), by_name(llvm));
    let names = |s: &ModuleSummary, list: &[u32]| {
        let mut v: Vec<Vec<u8>> =
            list.iter().map(|&r| s.name(r).to_vec()).filter(|n| !n.starts_with(b"llvm.")).collect();
        v.sort();
        v
    };
    let mut out = Vec::new();
    for (name, &i) in &a {
        let shown = String::from_utf8_lossy(name);
        let Some(&j) = b.get(name) else {
            out.push(format!("`{shown}` is not in LLVM's summary"));
            continue;
        };
        let (x, y) = (&ours.defs[i], &llvm.defs[j]);
        let facts = |d: &Definition| (d.kind, d.linkage, d.inst_count, d.noinline, d.always_inline, d.constant);
        if facts(x) != facts(y) {
            out.push(format!("`{shown}`: ours {:?}, LLVM's {:?}", facts(x), facts(y)));
        }
        if names(ours, &x.calls) != names(llvm, &y.calls) {
            out.push(format!("`{shown}`: calls differ: ours {}, LLVM's {}", x.calls.len(), y.calls.len()));
        }
        if names(ours, &x.refs) != names(llvm, &y.refs) {
            out.push(format!("`{shown}`: references differ: ours {}, LLVM's {}", x.refs.len(), y.refs.len()));
        }
    }
    for name in b.keys().filter(|n| !a.contains_key(*n)) {
        out.push(format!("`{}` is only in LLVM's summary", String::from_utf8_lossy(name)));
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flag words as LLVM's bitcode writer packs them (`getEncodedGVSummaryFlags`: the
    /// `GlobalValue::LinkageTypes` value in bits 0-3, not-eligible-to-import bit 4, live bit 5,
    /// DSO-local bit 6, can-auto-hide bit 7, visibility from bit 8; `getEncodedFFlags`:
    /// `noinline` bit 4, `alwaysinline` bit 5, `nounwind` bit 6).
    #[test]
    fn summary_flags_as_llvms_bitcode_writer_packs_them() {
        use LLVMLinkage::*;
        // GlobalValue::LinkageTypes, in order.
        let linkages = [
            LLVMExternalLinkage,
            LLVMAvailableExternallyLinkage,
            LLVMLinkOnceAnyLinkage,
            LLVMLinkOnceODRLinkage,
            LLVMWeakAnyLinkage,
            LLVMWeakODRLinkage,
            LLVMAppendingLinkage,
            LLVMInternalLinkage,
            LLVMPrivateLinkage,
            LLVMExternalWeakLinkage,
            LLVMCommonLinkage,
        ];
        for (raw, expected) in linkages.into_iter().enumerate() {
            // Hidden visibility, DSO-local and not-eligible-to-import leave the linkage alone.
            let flags = (1 << 8) | (1 << 6) | (1 << 4) | raw as u64;
            assert_eq!(definition(Kind::Function, flags, 0, 0, vec![], vec![]).linkage, expected, "{raw}");
        }
        let plain = definition(Kind::Function, 7 | (1 << 6) | (1 << 7), 3, 1 << 6, vec![2], vec![1, 5]);
        assert_eq!(plain.linkage, LLVMInternalLinkage);
        assert!(!plain.not_eligible_to_import && !plain.used && !plain.noinline && !plain.always_inline);
        assert_eq!((plain.inst_count, plain.refs.as_slice(), plain.calls.as_slice()), (3, &[2][..], &[1, 5][..]));
        let flagged = definition(Kind::Function, (1 << 4) | (1 << 5), 0, (1 << 4) | (1 << 5), vec![], vec![]);
        assert!(flagged.not_eligible_to_import && flagged.used && flagged.noinline && flagged.always_inline);
    }

    /// LLVM's bitcode wrapper header: magic, version, then the offset and size of the bitcode.
    #[test]
    fn strips_the_bitcode_wrapper() {
        let bitcode = b"BC\xC0\xDE\x35\x14\x00\x00";
        let mut wrapped = b"\xDE\xC0\x17\x0B".to_vec();
        for field in [0u32, 20, bitcode.len() as u32, 7] {
            wrapped.extend_from_slice(&field.to_le_bytes());
        }
        wrapped.extend_from_slice(bitcode);
        wrapped.extend_from_slice(b"pad");
        assert_eq!(strip_wrapper(&wrapped), Ok(&bitcode[..]));
        assert_eq!(strip_wrapper(bitcode), Ok(&bitcode[..]));
        assert!(strip_wrapper(&wrapped[..24]).is_err(), "a wrapper pointing past the end");
        assert!(strip_wrapper(&wrapped[..10]).is_err(), "a truncated wrapper");
    }
}
