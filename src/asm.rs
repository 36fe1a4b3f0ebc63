//! Assembly: inline `asm!` blocks (lowered to LLVM inline-asm calls) and module-level
//! `global_asm!` / naked functions (appended to the module's assembly).
//!
//! Only x86 and x86_64 are supported for `asm!`: the register classes, operand modifiers and
//! type fix-ups below are the x86 ones. Any other architecture is refused with an error.
//!
//! An `asm!` block becomes `call <outputs> asm "<template>", "<constraints>"(<inputs>)`:
//! - each output (`out`, `lateout`, the output half of `inout`) is one constraint `=…`
//!   (`=&…` unless late, so LLVM does not give it the register of an input) and one field of
//!   the returned struct, stored into its place after the call;
//! - each input (`in`, the input half of `inout`, `sym`) is one constraint and one argument;
//! - `label` operands become the indirect destinations of a `callbr` (asm goto);
//! - then the clobbers: what `clobber_abi` discards, flags and memory unless the options say
//!   they are preserved.

use rustc_abi::{BackendRepr, Float, Primitive};
use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::mir::operand::OperandValue;
use rustc_codegen_ssa::traits::*;
use rustc_data_structures::fx::FxHashMap;
use rustc_middle::ty::Instance;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_span::{Pos, Span};
use rustc_target::asm::{
    InlineAsmArch, InlineAsmReg, InlineAsmRegClass, InlineAsmRegOrRegClass, X86InlineAsmReg, X86InlineAsmRegClass,
};

use crate::builder::{Builder, Funclet};
use crate::context::CodegenCx;
use crate::llvm::{self, BasicBlock, Type, Value};
use crate::type_of::LayoutLlvmExt;

/// Lowers one `asm!` block (see the module comment). `span` is where errors point.
///
/// `dest` is the block to continue in when the asm is a terminator with somewhere else to go:
/// with `label` operands (a `callbr`) or with `may_unwind` and a cleanup (`catch_funclet`, an
/// `invoke`). Otherwise the asm is a plain call and codegen continues after it.
pub(crate) fn codegen_inline_asm<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    span: Span,
    template: &[InlineAsmTemplatePiece],
    operands: &[InlineAsmOperandRef<'tcx, Builder<'_, 'll, 'tcx>>],
    options: InlineAsmOptions,
    line_spans: &[Span],
    instance: Instance<'_>,
    dest: Option<&'ll BasicBlock>,
    catch_funclet: Option<(&'ll BasicBlock, Option<&Funclet<'ll>>)>,
) {
    let arch = match bx.tcx.sess.asm_arch {
        Some(arch @ (InlineAsmArch::X86 | InlineAsmArch::X86_64)) => arch,
        other => {
            let what = other.map_or_else(|| "this target".to_owned(), |a| format!("{a:?}"));
            bx.tcx.dcx().span_fatal(
                span,
                format!("inline assembly (asm!) on {what} is not yet supported by rustc_codegen_inkwell"),
            )
        }
    };
    let is_x86_64 = arch == InlineAsmArch::X86_64;

    let mut constraints: Vec<String> = vec![];
    let mut clobbers: Vec<String> = vec![];
    let mut output_types: Vec<&'ll Type> = vec![];
    // Operand index → index of its constraint ("$N" in the template; for outputs also the
    // field of the returned struct, since outputs come first).
    let mut op_idx = FxHashMap::default();

    // Outputs first: LLVM numbers output constraints before inputs.
    let mut clobbered_x87 = false;
    for (idx, op) in operands.iter().enumerate() {
        let (reg, late, layout) = match *op {
            InlineAsmOperandRef::Out { reg, late, ref place } => (reg, late, place.as_ref().map(|p| &p.layout)),
            // A discarded `inout` output still needs a register of the input's type: LLVM
            // requires tied operands to agree.
            InlineAsmOperandRef::InOut { reg, late, ref in_value, ref out_place } => {
                (reg, late, Some(out_place.as_ref().map_or(&in_value.layout, |p| &p.layout)))
            }
            _ => continue,
        };
        let class = x86_class(bx.cx, span, reg.reg_class());
        let ty = match layout {
            Some(layout) => fixup_output_type(bx.cx, class, layout, is_x86_64),
            None if matches!(class, X86InlineAsmRegClass::x87_reg | X86InlineAsmRegClass::mmx_reg) => {
                // LLVM models the x87 stack (which the MMX registers alias) as a whole: touching
                // one register means clobbering all eight.
                if !clobbered_x87 {
                    clobbered_x87 = true;
                    clobbers.push("~{st}".to_owned());
                    clobbers.extend((1..=7).map(|i| format!("~{{st({i})}}")));
                }
                continue;
            }
            None if !class_usable(bx.cx, reg.reg_class(), arch, instance) => {
                // A discarded output (e.g. from `clobber_abi`) in a class that cannot hold values
                // here (clobber-only, or its target feature is off): a plain clobber, so that
                // LLVM does not try to allocate a register for a dummy value.
                clobbers.push(format!("~{}", reg_constraint(bx.cx, span, reg, None)));
                continue;
            }
            // Any type of the class will do: the value is thrown away, the register is what
            // matters.
            None => dummy_output_type(bx.cx, class),
        };
        output_types.push(ty);
        op_idx.insert(idx, constraints.len());
        let prefix = if late { "=" } else { "=&" };
        constraints.push(format!("{prefix}{}", reg_constraint(bx.cx, span, reg, layout)));
    }

    // Then inputs.
    let mut inputs: Vec<&'ll Value> = vec![];
    for (idx, op) in operands.iter().enumerate() {
        match *op {
            InlineAsmOperandRef::In { reg, ref value } => {
                let class = x86_class(bx.cx, span, reg.reg_class());
                inputs.push(fixup_input(bx, value.immediate(), class, &value.layout, is_x86_64));
                op_idx.insert(idx, constraints.len());
                constraints.push(reg_constraint(bx.cx, span, reg, Some(&value.layout)));
            }
            InlineAsmOperandRef::InOut { reg, late, ref in_value, .. } => {
                let class = x86_class(bx.cx, span, reg.reg_class());
                inputs.push(fixup_input(bx, in_value.immediate(), class, &in_value.layout, is_x86_64));
                // A late explicit register may simply be named again (as Clang does); otherwise
                // tie the input to its output by the output's number.
                if late && matches!(reg, InlineAsmRegOrRegClass::Reg(_)) {
                    constraints.push(reg_constraint(bx.cx, span, reg, Some(&in_value.layout)));
                } else {
                    constraints.push(op_idx[&idx].to_string());
                }
            }
            // Symbols are passed as "s" (symbolic) operands and printed bare with `${N:c}`.
            InlineAsmOperandRef::SymFn { instance } => {
                inputs.push(bx.cx.get_fn(instance));
                op_idx.insert(idx, constraints.len());
                constraints.push("s".to_owned());
            }
            InlineAsmOperandRef::SymStatic { def_id } => {
                inputs.push(bx.cx.get_static(def_id));
                op_idx.insert(idx, constraints.len());
                constraints.push("s".to_owned());
            }
            _ => {}
        }
    }

    // The template. Labels get their `!i` constraints here, in order of appearance, after
    // all inputs (they are not arguments: they are the callbr's indirect destinations).
    let mut labels: Vec<&'ll BasicBlock> = vec![];
    let mut asm = String::new();
    for piece in template {
        match *piece {
            // `$` starts an operand reference in LLVM's template syntax.
            InlineAsmTemplatePiece::String(ref s) => asm.push_str(&s.replace('$', "$$")),
            InlineAsmTemplatePiece::Placeholder { operand_idx, modifier, span: piece_span } => {
                match operands[operand_idx] {
                    InlineAsmOperandRef::In { reg, .. }
                    | InlineAsmOperandRef::Out { reg, .. }
                    | InlineAsmOperandRef::InOut { reg, .. } => {
                        let class = x86_class(bx.cx, piece_span, reg.reg_class());
                        let n = op_idx[&operand_idx];
                        match llvm_modifier(bx.cx, piece_span, class, modifier, is_x86_64) {
                            Some(m) => asm.push_str(&format!("${{{n}:{m}}}")),
                            None => asm.push_str(&format!("${{{n}}}")),
                        }
                    }
                    // Already evaluated to text by rustc.
                    InlineAsmOperandRef::Const { ref string } => asm.push_str(string),
                    InlineAsmOperandRef::SymFn { .. } | InlineAsmOperandRef::SymStatic { .. } => {
                        asm.push_str(&format!("${{{}:c}}", op_idx[&operand_idx]))
                    }
                    InlineAsmOperandRef::Label { label } => {
                        asm.push_str(&format!("${{{}:l}}", constraints.len()));
                        constraints.push("!i".to_owned());
                        labels.push(label);
                    }
                }
            }
        }
    }

    constraints.append(&mut clobbers);
    if !options.contains(InlineAsmOptions::PRESERVES_FLAGS) {
        constraints.extend(["~{dirflag}", "~{fpsr}", "~{flags}"].map(str::to_owned));
    }
    if !options.contains(InlineAsmOptions::NOMEM) {
        // LLVM goes by the call's memory attributes below, not by this; it is kept to match
        // the built-in backend (and Clang).
        constraints.push("~{memory}".to_owned());
    }

    let output_ty = match output_types[..] {
        [] => bx.type_void(),
        [ty] => ty,
        ref tys => bx.type_struct(tys, false),
    };
    let dialect = if options.contains(InlineAsmOptions::ATT_SYNTAX) {
        llvm::LLVMInlineAsmDialect::LLVMInlineAsmDialectATT
    } else {
        llvm::LLVMInlineAsmDialect::LLVMInlineAsmDialectIntel
    };
    let arg_tys: Vec<&'ll Type> = inputs.iter().map(|&v| bx.val_ty(v)).collect();
    let fn_ty = bx.type_func(&arg_tys, output_ty);
    let constraints = constraints.join(",");
    let flags = llvm::ir::InlineAsmFlags {
        // Not `pure`: the asm has effects beyond its outputs and must stay where it is.
        side_effects: !options.contains(InlineAsmOptions::PURE),
        // Unless `nostack`, the asm may push, so the stack must be aligned for calls.
        align_stack: !options.contains(InlineAsmOptions::NOSTACK),
        dialect,
        can_unwind: options.contains(InlineAsmOptions::MAY_UNWIND),
    };
    let asm_fn = llvm::ir::inline_asm(fn_ty, asm.as_bytes(), constraints.as_bytes(), flags);

    let call = if !labels.is_empty() {
        let dest = dest.unwrap_or_else(|| rustc_middle::bug!("asm goto without a fallthrough block"));
        build_callbr(bx, fn_ty, asm_fn, &inputs, dest, &labels)
    } else if let Some((catch, funclet)) = catch_funclet {
        let dest = dest.unwrap_or_else(|| rustc_middle::bug!("unwinding asm without a return block"));
        bx.invoke(fn_ty, None, None, asm_fn, &inputs, dest, catch, funclet, None)
    } else {
        bx.call(fn_ty, None, None, asm_fn, &inputs, None, None)
    };
    set_srcloc(bx, call, line_spans, dialect);
    add_memory_attrs(bx.cx, call, options);

    // Store the outputs wherever control continues: the normal destination (for a plain call
    // that is right here) and every label, since asm goto may leave by any of them.
    let normal = if options.contains(InlineAsmOptions::NORETURN) { None } else { Some(dest) };
    for block in normal.into_iter().chain(labels.iter().map(|&l| Some(l))) {
        if let Some(block) = block {
            bx.switch_to_block(block);
        }
        for (idx, op) in operands.iter().enumerate() {
            let (reg, place) = match *op {
                InlineAsmOperandRef::Out { reg, place: Some(place), .. }
                | InlineAsmOperandRef::InOut { reg, out_place: Some(place), .. } => (reg, place),
                _ => continue,
            };
            let value = if output_types.len() == 1 { call } else { bx.extract_value(call, op_idx[&idx] as u64) };
            let class = x86_class(bx.cx, span, reg.reg_class());
            let value = fixup_output(bx, value, class, &place.layout, is_x86_64);
            OperandValue::Immediate(value).store(bx, place);
        }
    }
}

/// `callbr`: asm goto, continuing at `dest` or at one of `labels`.
fn build_callbr<'ll>(
    bx: &mut Builder<'_, 'll, '_>,
    fn_ty: &'ll Type,
    asm_fn: &'ll Value,
    inputs: &[&'ll Value],
    dest: &'ll BasicBlock,
    labels: &[&'ll BasicBlock],
) -> &'ll Value {
    // SAFETY: `inputs` fit `fn_ty`, which they were made from.
    unsafe {
        llvm::LLVMBuildCallBr(
            &bx.llbuilder,
            fn_ty,
            asm_fn,
            dest,
            labels.as_ptr(),
            labels.len() as u32,
            inputs.as_ptr(),
            inputs.len() as u32,
            std::ptr::null(),
            0,
            llvm::UNNAMED,
        )
    }
}

/// `!srcloc`: one entry per template line (lo | hi << 32 byte positions), so that a message
/// from LLVM's assembler can be traced back to the source.
fn set_srcloc<'ll>(
    bx: &mut Builder<'_, 'll, '_>,
    call: &'ll Value,
    line_spans: &[Span],
    dialect: llvm::LLVMInlineAsmDialect,
) {
    let mut locs = vec![];
    // In Intel syntax LLVM puts a `.intel_syntax` line first. With a single span the template
    // may come from a macro; LLVM then uses that one entry for every line.
    if dialect == llvm::LLVMInlineAsmDialect::LLVMInlineAsmDialectIntel && line_spans.len() > 1 {
        locs.push(bx.cx.value_as_md(bx.const_u64(0)));
    }
    for span in line_spans {
        let loc = u64::from(span.lo().to_u32()) | (u64::from(span.hi().to_u32()) << 32);
        locs.push(bx.cx.value_as_md(bx.const_u64(loc)));
    }
    if !locs.is_empty() {
        bx.cx.set_metadata_node(call, "srcloc", &locs);
    }
}

/// How the asm may touch memory, as the call's `memory(...)` attribute (plus `willreturn` for
/// `pure`, which lets LLVM delete an unused pure asm).
fn add_memory_attrs(cx: &CodegenCx<'_, '_>, call: &Value, options: InlineAsmOptions) {
    let mut attrs = vec![];
    let (pure, nomem, readonly) = (
        options.contains(InlineAsmOptions::PURE),
        options.contains(InlineAsmOptions::NOMEM),
        options.contains(InlineAsmOptions::READONLY),
    );
    if pure {
        if nomem {
            attrs.push(llvm::enum_attr(cx.llcx, "memory", MEMORY_NONE));
        } else if readonly {
            attrs.push(llvm::enum_attr(cx.llcx, "memory", MEMORY_READ));
        }
        attrs.push(llvm::enum_attr(cx.llcx, "willreturn", 0));
    } else if nomem {
        // Not pure: the asm has side effects, which LLVM models as touching memory nobody else
        // can see.
        attrs.push(llvm::enum_attr(cx.llcx, "memory", MEMORY_INACCESSIBLE_RW));
    } else if readonly {
        attrs.push(llvm::enum_attr(cx.llcx, "memory", MEMORY_READ | MEMORY_INACCESSIBLE_RW));
    }
    if !attrs.is_empty() {
        llvm::add_callsite_attrs(call, llvm::AttributePlace::Function, &attrs);
    }
}

// LLVM's `memory` attribute value (`MemoryEffects`): two bits per location (1 = read,
// 2 = write), locations in the order argmem, inaccessiblemem, errnomem, other, and LLVM 22's
// two target-specific ones, target_mem0/1. (Checked against this libLLVM: with only five
// locations' bits set, the IR prints `memory(read, target_mem1: none)`; with six, `memory(read)`.)
const MEMORY_LOCATIONS: u32 = 6;
const MEMORY_NONE: u64 = 0;
const MEMORY_READ: u64 = {
    let mut bits = 0;
    let mut loc = 0;
    while loc < MEMORY_LOCATIONS {
        bits |= 1 << (2 * loc);
        loc += 1;
    }
    bits
};
const MEMORY_INACCESSIBLE_RW: u64 = 3 << 2;

/// The x86 register class, or an error for another architecture's class (which only the
/// architecture check before should make impossible).
fn x86_class(cx: &CodegenCx<'_, '_>, span: Span, class: InlineAsmRegClass) -> X86InlineAsmRegClass {
    match class {
        InlineAsmRegClass::X86(class) => class,
        other => cx.tcx.dcx().span_fatal(
            span,
            format!("inline assembly register class `{}` is not supported by rustc_codegen_inkwell", other.name()),
        ),
    }
}

/// Whether values of this class can live in it here: it is not clobber-only and one of its
/// types is available without a target feature or with one the function enables.
fn class_usable(cx: &CodegenCx<'_, '_>, class: InlineAsmRegClass, arch: InlineAsmArch, instance: Instance<'_>) -> bool {
    let enabled = cx.tcx.asm_target_features(instance.def_id());
    class.supported_types(arch, true).iter().any(|&(_, feature)| feature.is_none_or(|f| enabled.contains(&f)))
}

/// The LLVM constraint naming a register class or one register (without the `=`/`~` prefix).
fn reg_constraint(
    cx: &CodegenCx<'_, '_>,
    span: Span,
    operand: InlineAsmRegOrRegClass,
    layout: Option<&TyAndLayout<'_>>,
) -> String {
    use X86InlineAsmRegClass::*;
    match operand {
        InlineAsmRegOrRegClass::Reg(one) => match vector_reg_index(one) {
            // xmmN, ymmN and zmmN are one register in Rust; LLVM wants the name that matches
            // the value's width.
            Some(n) => {
                let prefix = match layout.map(|l| l.size.bytes()) {
                    Some(64) => 'z',
                    Some(32) => 'y',
                    _ => 'x',
                };
                format!("{{{prefix}mm{n}}}")
            }
            // LLVM picks the sub-register for the value's size (`{ax}` with an i64 is rax).
            None => format!("{{{}}}", one.name()),
        },
        InlineAsmRegOrRegClass::RegClass(class) => match x86_class(cx, span, class) {
            reg => "r",
            // a, b, c, d: the registers with a high byte.
            reg_abcd => "Q",
            reg_byte => "q",
            xmm_reg | ymm_reg => "x",
            // Any of the 32 vector registers of AVX-512.
            zmm_reg => "v",
            kreg => "^Yk",
            class @ (x87_reg | mmx_reg | kreg0 | tmm_reg) => cx
                .tcx
                .dcx()
                .span_fatal(span, format!("register class `{}` can only be used as a clobber", class.name())),
        }
        .to_owned(),
    }
}

/// The index N of xmmN / ymmN / zmmN.
fn vector_reg_index(reg: InlineAsmReg) -> Option<u32> {
    use X86InlineAsmReg::*;
    let InlineAsmReg::X86(r) = reg else { return None };
    let r = r as u32;
    [(xmm0, xmm15), (ymm0, ymm15), (zmm0, zmm31)]
        .into_iter()
        .find(|&(first, last)| (first as u32..=last as u32).contains(&r))
        .map(|(first, _)| r - first as u32)
}

/// Rust's operand modifier → LLVM's x86 operand modifier. Without a modifier a general
/// register is printed at full width (q on x86_64, k on x86) and a vector register at the
/// width of its class.
fn llvm_modifier(
    cx: &CodegenCx<'_, '_>,
    span: Span,
    class: X86InlineAsmRegClass,
    modifier: Option<char>,
    is_x86_64: bool,
) -> Option<char> {
    use X86InlineAsmRegClass::*;
    match (class, modifier) {
        (reg | reg_abcd, None) => Some(if is_x86_64 { 'q' } else { 'k' }),
        (reg | reg_abcd, Some('l')) => Some('b'), // low byte: al
        (reg | reg_abcd, Some('h')) => Some('h'), // high byte: ah
        (reg | reg_abcd, Some('x')) => Some('w'), // 16 bits: ax
        (reg | reg_abcd, Some('e')) => Some('k'), // 32 bits: eax
        (reg | reg_abcd, Some('r')) => Some('q'), // 64 bits: rax
        (reg_byte | kreg, _) => None,
        (xmm_reg, None) | (xmm_reg | ymm_reg | zmm_reg, Some('x')) => Some('x'),
        (ymm_reg, None) | (xmm_reg | ymm_reg | zmm_reg, Some('y')) => Some('t'),
        (zmm_reg, None) | (xmm_reg | ymm_reg | zmm_reg, Some('z')) => Some('g'),
        (class, modifier) => cx.tcx.dcx().span_fatal(
            span,
            format!(
                "operand modifier {modifier:?} on register class `{}` is not supported by rustc_codegen_inkwell",
                class.name()
            ),
        ),
    }
}

/// A type for an output nobody reads, to make LLVM reserve a register of the class.
fn dummy_output_type<'ll>(cx: &CodegenCx<'ll, '_>, class: X86InlineAsmRegClass) -> &'ll Type {
    use X86InlineAsmRegClass::*;
    match class {
        reg | reg_abcd => cx.type_i32(),
        reg_byte => cx.type_i8(),
        xmm_reg | ymm_reg | zmm_reg => cx.type_f32(),
        kreg => cx.type_i16(),
        x87_reg | mmx_reg | kreg0 | tmm_reg => rustc_middle::bug!("clobber-only class {class:?} as an output"),
    }
}

// Type fix-ups: some values cannot go to LLVM's x86 inline asm in their own type (LLVM rejects
// or mishandles them), so they are passed as another type of the same size and converted back
// on the way out. `fixup_output_type` is the type the asm returns for such an output. These
// are the conversions the built-in backend makes, so both produce the same code.

/// What a value of `layout` needs when it lives in a register of `class`.
#[derive(Clone, Copy)]
enum Fixup {
    None,
    /// Pass as `<count x elem>` of this many bits per element instead (same size, bitcast);
    /// `count == 1` means the plain integer.
    Bitcast {
        elem: Primitive,
        count: u64,
    },
    /// A lone f16 in a vector register: the low lane of an `<8 x f16>`, passed as `<8 x i16>`.
    F16InVector,
}

fn fixup_kind(class: X86InlineAsmRegClass, layout: &TyAndLayout<'_>, is_x86_64: bool) -> Fixup {
    use X86InlineAsmRegClass::*;
    use rustc_abi::Integer::*;
    let int = |i| Primitive::Int(i, false);
    let is = |s: rustc_abi::Scalar, f| s.primitive() == Primitive::Float(f);
    match (class, layout.backend_repr) {
        // LLVM cannot put an f64 in the `Q` class.
        (reg_abcd, BackendRepr::Scalar(s)) if is(s, Float::F64) => Fixup::Bitcast { elem: int(I64), count: 1 },
        // 512-bit vectors of other element types trip LLVM in `x`/`v`.
        (xmm_reg | zmm_reg, BackendRepr::SimdVector { .. }) if layout.size.bytes() == 64 => {
            Fixup::Bitcast { elem: Primitive::Float(Float::F64), count: 8 }
        }
        // 32-bit x86 has no legal f128.
        (xmm_reg | ymm_reg | zmm_reg, BackendRepr::Scalar(s)) if !is_x86_64 && is(s, Float::F128) => {
            Fixup::Bitcast { elem: int(I32), count: 4 }
        }
        // LLVM's x86 inline asm has no f16 registers: pass the bits as i16 lanes.
        (xmm_reg | ymm_reg | zmm_reg, BackendRepr::Scalar(s)) if is(s, Float::F16) => Fixup::F16InVector,
        (xmm_reg | ymm_reg | zmm_reg, BackendRepr::SimdVector { element, count: count @ (8 | 16) })
            if is(element, Float::F16) =>
        {
            Fixup::Bitcast { elem: int(I16), count }
        }
        _ => Fixup::None,
    }
}

fn fixup_type<'ll>(cx: &CodegenCx<'ll, '_>, elem: Primitive, count: u64) -> &'ll Type {
    let elem = match elem {
        Primitive::Int(i, _) => cx.type_int_of_bits(i.size().bits()),
        Primitive::Float(Float::F64) => cx.type_f64(),
        _ => rustc_middle::bug!("unexpected asm fix-up element {elem:?}"),
    };
    if count == 1 { elem } else { cx.type_vector(elem, count) }
}

fn fixup_output_type<'ll, 'tcx>(
    cx: &CodegenCx<'ll, 'tcx>,
    class: X86InlineAsmRegClass,
    layout: &TyAndLayout<'tcx>,
    is_x86_64: bool,
) -> &'ll Type {
    match fixup_kind(class, layout, is_x86_64) {
        Fixup::None => layout.llvm_type(cx),
        Fixup::Bitcast { elem, count } => fixup_type(cx, elem, count),
        Fixup::F16InVector => cx.type_vector(cx.type_i16(), 8),
    }
}

fn fixup_input<'ll>(
    bx: &mut Builder<'_, 'll, '_>,
    value: &'ll Value,
    class: X86InlineAsmRegClass,
    layout: &TyAndLayout<'_>,
    is_x86_64: bool,
) -> &'ll Value {
    match fixup_kind(class, layout, is_x86_64) {
        Fixup::None => value,
        Fixup::Bitcast { elem, count } => {
            let ty = fixup_type(bx.cx, elem, count);
            bx.bitcast(value, ty)
        }
        Fixup::F16InVector => {
            let vec_ty = bx.type_vector(bx.type_f16(), 8);
            let undef = bx.const_undef(vec_ty);
            let lane0 = bx.const_usize(0);
            let vec = bx.insert_element(undef, value, lane0);
            let int_vec_ty = bx.type_vector(bx.type_i16(), 8);
            bx.bitcast(vec, int_vec_ty)
        }
    }
}

fn fixup_output<'ll, 'tcx>(
    bx: &mut Builder<'_, 'll, 'tcx>,
    value: &'ll Value,
    class: X86InlineAsmRegClass,
    layout: &TyAndLayout<'tcx>,
    is_x86_64: bool,
) -> &'ll Value {
    match fixup_kind(class, layout, is_x86_64) {
        Fixup::None => value,
        Fixup::Bitcast { .. } => {
            let ty = layout.llvm_type(bx.cx);
            bx.bitcast(value, ty)
        }
        Fixup::F16InVector => {
            let vec_ty = bx.type_vector(bx.type_f16(), 8);
            let vec = bx.bitcast(value, vec_ty);
            let lane0 = bx.const_usize(0);
            bx.extract_element(vec, lane0)
        }
    }
}

impl<'tcx> AsmCodegenMethods<'tcx> for CodegenCx<'_, 'tcx> {
    fn codegen_global_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[GlobalAsmOperandRef<'tcx>],
        options: InlineAsmOptions,
        _line_spans: &[Span],
    ) {
        use rustc_codegen_ssa::back::symbol_export::escape_symbol_name;
        // Rust's x86 assembly is Intel syntax unless the block says otherwise.
        let mut asm = String::from(if options.contains(InlineAsmOptions::ATT_SYNTAX) {
            ".att_syntax\n"
        } else {
            ".intel_syntax\n"
        });
        for piece in template {
            match *piece {
                InlineAsmTemplatePiece::String(ref s) => asm.push_str(s),
                InlineAsmTemplatePiece::Placeholder { operand_idx, modifier: _, span } => {
                    // A symbol named only from assembly must survive LLVM's dead-code removal
                    // (`llvm.compiler.used`), and is written as LLVM names it.
                    let symbol = |llval| {
                        self.compiler_used_statics.borrow_mut().push(llval);
                        let name = String::from_utf8_lossy(llvm::get_value_name(llval)).into_owned();
                        escape_symbol_name(self.tcx, &name, span)
                    };
                    match operands[operand_idx] {
                        GlobalAsmOperandRef::Const { ref string } => asm.push_str(string),
                        GlobalAsmOperandRef::SymFn { instance } => asm.push_str(&symbol(self.get_fn(instance))),
                        GlobalAsmOperandRef::SymStatic { def_id } => asm.push_str(&symbol(self.get_static(def_id))),
                    }
                }
            }
        }
        // Leave the assembler in the syntax LLVM expects for what follows.
        asm.push_str("\n.att_syntax\n");
        llvm::ir::append_module_inline_asm(self.llmod, asm.as_bytes())
    }

    fn mangled_name(&self, instance: Instance<'tcx>) -> String {
        // On ELF the symbol is the symbol name itself (no Mach-O underscore or x86 Windows suffix).
        let _ = self.get_fn(instance);
        self.tcx.symbol_name(instance).name.to_owned()
    }
}
