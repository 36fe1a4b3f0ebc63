//! Walking and editing a module's global values, as link-time optimization needs: iterate the
//! functions, variables and aliases, read what an instruction or constant refers to, turn a
//! definition into a declaration, change names, linkages and comdats.

use llvm_sys::core::*;
use llvm_sys::{LLVMLinkage, LLVMVisibility};

use super::{AsRaw, BasicBlock, Module, Type, Value, value_opt};

/// Iterates an LLVM intrusive list from `first`, stepping with `next`.
fn walk<H: Copy>(first: Option<H>, next: impl Fn(H) -> Option<H>) -> impl Iterator<Item = H> {
    std::iter::successors(first, move |&item| next(item))
}

pub fn functions(m: &Module) -> impl Iterator<Item = &Value> {
    walk(value_opt(unsafe { LLVMGetFirstFunction(m.raw()) }), |f| value_opt(unsafe { LLVMGetNextFunction(f.raw()) }))
}

pub fn global_variables(m: &Module) -> impl Iterator<Item = &Value> {
    walk(value_opt(unsafe { LLVMGetFirstGlobal(m.raw()) }), |g| value_opt(unsafe { LLVMGetNextGlobal(g.raw()) }))
}

pub fn aliases(m: &Module) -> impl Iterator<Item = &Value> {
    walk(value_opt(unsafe { LLVMGetFirstGlobalAlias(m.raw()) }), |a| {
        value_opt(unsafe { LLVMGetNextGlobalAlias(a.raw()) })
    })
}

/// Every function, global variable and alias of the module. Collected first, so the caller may
/// delete or add globals while going through them.
pub fn global_values(m: &Module) -> Vec<&Value> {
    functions(m).chain(global_variables(m)).chain(aliases(m)).collect()
}

pub fn basic_blocks(f: &Value) -> impl Iterator<Item = &BasicBlock> {
    let first = unsafe { LLVMGetFirstBasicBlock(f.raw()) };
    walk(super::bb_opt(first), |b| super::bb_opt(unsafe { LLVMGetNextBasicBlock(b.raw()) }))
}

pub fn instructions(bb: &BasicBlock) -> impl Iterator<Item = &Value> {
    walk(value_opt(unsafe { LLVMGetFirstInstruction(bb.raw()) }), |i| {
        value_opt(unsafe { LLVMGetNextInstruction(i.raw()) })
    })
}

/// The operands of an instruction, or of a constant that is not a global value. (Anything else
/// is not an `llvm::User`, and asking for its operands is undefined.)
pub fn operands(user: &Value) -> impl Iterator<Item = &Value> {
    let n = unsafe { LLVMGetNumOperands(user.raw()) }.max(0) as u32;
    (0..n).filter_map(move |i| value_opt(unsafe { LLVMGetOperand(user.raw(), i) }))
}

pub fn is_instruction(v: &Value) -> bool {
    !unsafe { LLVMIsAInstruction(v.raw()) }.is_null()
}

pub fn is_function(v: &Value) -> bool {
    !unsafe { LLVMIsAFunction(v.raw()) }.is_null()
}

pub fn is_global_variable(v: &Value) -> bool {
    !unsafe { LLVMIsAGlobalVariable(v.raw()) }.is_null()
}

pub fn is_alias(v: &Value) -> bool {
    !unsafe { LLVMIsAGlobalAlias(v.raw()) }.is_null()
}

pub fn is_global_value(v: &Value) -> bool {
    !unsafe { LLVMIsAGlobalValue(v.raw()) }.is_null()
}

/// A constant whose operands may be walked (aggregates, expressions, block addresses); global
/// values are constants too but are not walked into.
pub fn is_constant_user(v: &Value) -> bool {
    !unsafe { LLVMIsAConstant(v.raw()) }.is_null() && !is_global_value(v)
}

/// The callee operand of a call, invoke or callbr; `None` for other instructions.
pub fn called_operand(inst: &Value) -> Option<&Value> {
    let raw = inst.raw();
    let is_call = unsafe {
        !LLVMIsACallInst(raw).is_null() || !LLVMIsAInvokeInst(raw).is_null() || !LLVMIsACallBrInst(raw).is_null()
    };
    if is_call { value_opt(unsafe { LLVMGetCalledValue(raw) }) } else { None }
}

pub fn personality(f: &Value) -> Option<&Value> {
    if unsafe { LLVMHasPersonalityFn(f.raw()) } != 0 {
        value_opt(unsafe { LLVMGetPersonalityFn(f.raw()) })
    } else {
        None
    }
}

pub fn initializer(g: &Value) -> Option<&Value> {
    value_opt(unsafe { LLVMGetInitializer(g.raw()) })
}

pub fn aliasee(a: &Value) -> Option<&Value> {
    value_opt(unsafe { LLVMAliasGetAliasee(a.raw()) })
}

/// The type of what a global holds (a function's type for functions).
pub fn value_type(g: &Value) -> &Type {
    super::ty(unsafe { LLVMGlobalGetValueType(g.raw()) })
}

/// Whether a function carries an enum attribute such as `noinline`.
pub fn has_fn_attr(f: &Value, name: &str) -> bool {
    unsafe {
        !LLVMGetEnumAttributeAtIndex(f.raw(), super::AttributePlace::Function.as_index(), super::attribute_kind(name))
            .is_null()
    }
}

pub fn is_local_linkage(linkage: LLVMLinkage) -> bool {
    matches!(linkage, LLVMLinkage::LLVMInternalLinkage | LLVMLinkage::LLVMPrivateLinkage)
}

/// The comdat a global belongs to, as an identity to compare (the C API cannot name it).
pub fn comdat(g: &Value) -> Option<usize> {
    let c = unsafe { llvm_sys::comdat::LLVMGetComdat(g.raw()) };
    if c.is_null() { None } else { Some(c as usize) }
}

/// Puts `g` in the comdat of `other` (none if `other` has none).
pub fn copy_comdat(g: &Value, other: &Value) {
    unsafe { llvm_sys::comdat::LLVMSetComdat(g.raw(), llvm_sys::comdat::LLVMGetComdat(other.raw())) }
}

pub fn clear_comdat(g: &Value) {
    unsafe { llvm_sys::comdat::LLVMSetComdat(g.raw(), std::ptr::null_mut()) }
}

pub fn module_inline_asm(m: &Module) -> &[u8] {
    let mut len = 0;
    let data = unsafe { LLVMGetModuleInlineAsm(m.raw(), &mut len) };
    if data.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(data as *const u8, len) } }
}

/// Adds a line of module-level assembly (`global_asm!` text).
pub fn append_module_inline_asm(m: &Module, asm: &[u8]) {
    unsafe { LLVMAppendModuleInlineAsm(m.raw(), asm.as_ptr().cast(), asm.len()) }
}

pub fn clear_module_inline_asm(m: &Module) {
    unsafe { LLVMSetModuleInlineAsm2(m.raw(), c"".as_ptr(), 0) }
}

pub fn named_function<'ll>(m: &'ll Module, name: &str) -> Option<&'ll Value> {
    let name = super::cstr(name);
    value_opt(unsafe { LLVMGetNamedFunction(m.raw(), name.as_ptr()) })
}

pub fn named_global<'ll>(m: &'ll Module, name: &[u8]) -> Option<&'ll Value> {
    let name = std::ffi::CString::new(name).ok()?;
    value_opt(unsafe { LLVMGetNamedGlobal(m.raw(), name.as_ptr()) })
}

/// Declares in `m` a function or variable named and typed like `g` (of another module in the
/// same context), unless `m` has one of that name already.
pub fn declare_like(m: &Module, g: &Value) {
    let name = std::ffi::CString::new(super::get_value_name(g)).expect("a global's name has no NUL");
    unsafe {
        if is_function(g) {
            if LLVMGetNamedFunction(m.raw(), name.as_ptr()).is_null() {
                LLVMAddFunction(m.raw(), name.as_ptr(), value_type(g).raw());
            }
        } else if LLVMGetNamedGlobal(m.raw(), name.as_ptr()).is_null() {
            LLVMAddGlobal(m.raw(), value_type(g).raw(), name.as_ptr());
        }
    }
}

/// The values listed in `llvm.used` and `llvm.compiler.used`, which must stay as they are.
pub fn used_values(m: &Module) -> Vec<&Value> {
    [&b"llvm.used"[..], b"llvm.compiler.used"]
        .into_iter()
        .filter_map(|list| named_global(m, list).and_then(initializer))
        .flat_map(|init| operands(init).filter(|v| is_global_value(v)))
        .collect()
}

/// Deletes a global variable, which nothing may refer to any more.
pub fn delete_global_variable(g: &Value) {
    assert!(is_global_variable(g), "not a global variable: {g:?}");
    unsafe { LLVMDeleteGlobal(g.raw()) }
}

/// Makes a definition local to its module, as LLVM's internalize pass does: internal linkage,
/// default visibility, and out of its comdat unless `keep_comdat`.
pub fn internalize(g: &Value, keep_comdat: bool) {
    super::set_linkage(g, LLVMLinkage::LLVMInternalLinkage);
    super::set_visibility(g, LLVMVisibility::LLVMDefaultVisibility);
    if !keep_comdat && !is_alias(g) {
        clear_comdat(g);
    }
}

/// Replaces a definition by a declaration of the same name, type, attributes and visibility,
/// with external linkage. Works on functions whose body was never loaded (lazy bitcode), where
/// deleting the blocks is not possible. Aliases become a declaration of what they alias; the
/// alias itself stays behind, unreferenced and internal.
pub fn make_declaration<'ll>(m: &'ll Module, g: &'ll Value) -> &'ll Value {
    if is_global_variable(g) {
        unsafe { LLVMSetInitializer(g.raw(), std::ptr::null_mut()) };
        super::set_linkage(g, LLVMLinkage::LLVMExternalLinkage);
        clear_comdat(g);
        return g;
    }
    let name = super::get_value_name(g).to_vec();
    let cname = std::ffi::CString::new(name).expect("a global's name has no NUL");
    super::set_value_name(g, b"");
    let ty = value_type(g);
    let decl = unsafe {
        if is_function(g) || (is_alias(g) && LLVMGetTypeKind(ty.raw()) == llvm_sys::LLVMTypeKind::LLVMFunctionTypeKind)
        {
            let f = LLVMAddFunction(m.raw(), cname.as_ptr(), ty.raw());
            if is_function(g) {
                copy_function_attributes(g, f);
                LLVMSetFunctionCallConv(f, LLVMGetFunctionCallConv(g.raw()));
            }
            f
        } else {
            LLVMAddGlobal(m.raw(), ty.raw(), cname.as_ptr())
        }
    };
    unsafe {
        LLVMSetVisibility(decl, LLVMGetVisibility(g.raw()));
        LLVMSetDLLStorageClass(decl, LLVMGetDLLStorageClass(g.raw()));
        LLVMSetUnnamedAddress(decl, LLVMGetUnnamedAddress(g.raw()));
        LLVMReplaceAllUsesWith(g.raw(), decl);
        if is_function(g) {
            LLVMDeleteFunction(g.raw());
        } else {
            // No C function deletes an alias: left unused and internal, the linker skips it.
            LLVMSetLinkage(g.raw(), LLVMLinkage::LLVMInternalLinkage);
            LLVMSetVisibility(g.raw(), LLVMVisibility::LLVMDefaultVisibility);
        }
    }
    super::value(decl)
}

/// Copies the function, return and parameter attributes of `from` onto `to`.
fn copy_function_attributes(from: &Value, to: llvm_sys::prelude::LLVMValueRef) {
    let params = unsafe { LLVMCountParams(from.raw()) };
    let places = [super::AttributePlace::Function, super::AttributePlace::ReturnValue]
        .into_iter()
        .chain((0..params).map(super::AttributePlace::Argument));
    for place in places {
        let index = place.as_index();
        unsafe {
            let n = LLVMGetAttributeCountAtIndex(from.raw(), index);
            let mut attrs = vec![std::ptr::null_mut(); n as usize];
            LLVMGetAttributesAtIndex(from.raw(), index, attrs.as_mut_ptr());
            for a in attrs {
                LLVMAddAttributeAtIndex(to, index, a);
            }
        }
    }
}

/// Whether a global's address is insignificant (`unnamed_addr`, not only `local_unnamed_addr`).
pub fn has_global_unnamed_addr(g: &Value) -> bool {
    unsafe { LLVMGetUnnamedAddress(g.raw()) == llvm_sys::LLVMUnnamedAddr::LLVMGlobalUnnamedAddr }
}

pub fn is_thread_local(g: &Value) -> bool {
    unsafe { LLVMIsThreadLocal(g.raw()) != 0 }
}

/// The bytes of a constant array of `i8`s (a "string" to LLVM), if it is one.
pub fn constant_string(c: &Value) -> Option<&[u8]> {
    unsafe {
        if LLVMIsAConstantDataArray(c.raw()).is_null() || LLVMIsConstantString(c.raw()) == 0 {
            return None;
        }
        let mut len = 0;
        let bytes = LLVMGetAsString(c.raw(), &mut len);
        Some(std::slice::from_raw_parts(bytes.cast(), len))
    }
}

/// The bytes a value of `ty` takes in memory, by the module's data layout.
pub fn alloc_size(m: &Module, ty: &Type) -> u64 {
    unsafe { llvm_sys::target::LLVMABISizeOfType(llvm_sys::target::LLVMGetModuleDataLayout(m.raw()), ty.raw()) }
}

/// A global's explicit alignment in bytes (0: none).
pub fn alignment(g: &Value) -> u32 {
    unsafe { LLVMGetAlignment(g.raw()) }
}

/// A new, empty module `name` for the target with this data layout and triple.
pub fn create_module<'ll>(c: &'ll super::Context, name: &str, data_layout: &str, triple: &str) -> &'ll Module {
    let (name, data_layout, triple) = (super::cstr(name), super::cstr(data_layout), super::cstr(triple));
    unsafe {
        let m = LLVMModuleCreateWithNameInContext(name.as_ptr(), c.raw());
        LLVMSetDataLayout(m, data_layout.as_ptr());
        LLVMSetTarget(m, triple.as_ptr());
        super::module(m)
    }
}

/// Appends a basic block `name` to a function.
pub fn append_block<'ll>(c: &'ll super::Context, f: &'ll Value, name: &str) -> &'ll BasicBlock {
    let name = super::cstr(name);
    super::bb(unsafe { LLVMAppendBasicBlockInContext(c.raw(), f.raw(), name.as_ptr()) })
}

/// The declaration of LLVM intrinsic `name`, overloaded on `type_params`; `None` for a name
/// LLVM does not know.
pub fn intrinsic<'ll>(m: &'ll Module, name: &str, type_params: &[&'ll Type]) -> Option<&'ll Value> {
    let id = unsafe { LLVMLookupIntrinsicID(name.as_ptr().cast(), name.len()) };
    if id == 0 {
        return None;
    }
    let mut params: Vec<_> = type_params.iter().map(|t| t.raw()).collect();
    value_opt(unsafe { LLVMGetIntrinsicDeclaration(m.raw(), id, params.as_mut_ptr(), params.len()) })
}

/// A constant array of `ty` elements.
pub fn const_array<'ll>(ty: &'ll Type, elements: &[&'ll Value]) -> &'ll Value {
    let mut raw: Vec<_> = elements.iter().map(|v| v.raw()).collect();
    super::value(unsafe { LLVMConstArray2(ty.raw(), raw.as_mut_ptr(), raw.len() as u64) })
}

/// A new function `name` of type `fn_ty` with calling convention `cconv`.
pub fn add_function<'ll>(m: &'ll Module, name: &str, fn_ty: &'ll Type, cconv: u32) -> &'ll Value {
    let name = super::cstr(name);
    unsafe {
        let f = LLVMAddFunction(m.raw(), name.as_ptr(), fn_ty.raw());
        LLVMSetFunctionCallConv(f, cconv);
        super::value(f)
    }
}

/// The function, global variable or alias named `name`: a symbol is one thing.
pub fn named_value<'ll>(m: &'ll Module, name: &str) -> Option<&'ll Value> {
    let (m, ptr, len) = (m.raw(), name.as_ptr().cast(), name.len());
    unsafe {
        value_opt(LLVMGetNamedFunctionWithLength(m, ptr, len))
            .or_else(|| value_opt(LLVMGetNamedGlobalWithLength(m, ptr, len)))
            .or_else(|| value_opt(LLVMGetNamedGlobalAlias(m, ptr, len)))
    }
}

/// A new global variable `name` (empty: unnamed) holding a `ty`.
pub fn add_global<'ll>(m: &'ll Module, ty: &Type, name: &str) -> &'ll Value {
    let name = super::cstr(name);
    super::value(unsafe { LLVMAddGlobal(m.raw(), ty.raw(), name.as_ptr()) })
}

pub fn is_constant_int(c: &Value) -> bool {
    unsafe { !LLVMIsAConstantInt(c.raw()).is_null() }
}

/// The value of an integer constant of at most 64 bits, zero-extended (`None` for other
/// values).
pub fn const_int_value(c: &Value) -> Option<u64> {
    let fits = is_constant_int(c) && super::types::int_width(type_of(c)).is_some_and(|w| w <= 64);
    fits.then(|| unsafe { LLVMConstIntGetZExtValue(c.raw()) })
}

/// A global's explicit section, if it has one.
pub fn section(g: &Value) -> Option<&[u8]> {
    let section = unsafe { LLVMGetSection(g.raw()) };
    if section.is_null() {
        return None;
    }
    let bytes = unsafe { std::ffi::CStr::from_ptr(section) }.to_bytes();
    (!bytes.is_empty()).then_some(bytes)
}

/// Puts a global in the section `name` (a name with a NUL is left alone).
pub fn set_section(g: &Value, name: &[u8]) {
    if let Ok(name) = std::ffi::CString::new(name) {
        unsafe { LLVMSetSection(g.raw(), name.as_ptr()) }
    }
}

/// Whether a value is `undef` or `poison`.
pub fn is_undef(v: &Value) -> bool {
    unsafe { LLVMIsUndef(v.raw()) != 0 }
}

/// Whether a constant is all zeros (`zeroinitializer`, `null`, `0`, …).
pub fn is_null_constant(c: &Value) -> bool {
    unsafe { LLVMIsNull(c.raw()) != 0 }
}

pub fn is_block_address(v: &Value) -> bool {
    !unsafe { LLVMIsABlockAddress(v.raw()) }.is_null()
}

/// The inline assembly a call, invoke or callbr calls, if it calls one.
pub fn called_inline_asm(inst: &Value) -> Option<&Value> {
    called_operand(inst).filter(|callee| unsafe { !LLVMIsAInlineAsm(callee.raw()).is_null() })
}

/// An inline assembly's template.
pub fn inline_asm_template(asm: &Value) -> &[u8] {
    let mut len = 0;
    let data = unsafe { LLVMGetInlineAsmAsmString(asm.raw(), &mut len) };
    if data.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(data.cast(), len) } }
}

/// Makes `call` call the same inline assembly (constraints, dialect, flags) with `template`.
pub fn set_inline_asm_template(call: &Value, asm: &Value, template: &[u8]) {
    unsafe {
        let raw = asm.raw();
        let mut constraints_len = 0;
        let constraints = LLVMGetInlineAsmConstraintString(raw, &mut constraints_len);
        let new = LLVMGetInlineAsm(
            LLVMGetInlineAsmFunctionType(raw),
            template.as_ptr().cast(),
            template.len(),
            constraints,
            constraints_len,
            LLVMGetInlineAsmHasSideEffects(raw),
            LLVMGetInlineAsmNeedsAlignedStack(raw),
            LLVMGetInlineAsmDialect(raw),
            LLVMGetInlineAsmCanUnwind(raw),
        );
        // The callee is a call's last operand, for invokes and callbrs too.
        LLVMSetOperand(call.raw(), (LLVMGetNumOperands(call.raw()) - 1) as u32, new);
    }
}

/// The integers of an instruction's metadata node of kind `kind` (such as `srcloc`).
pub fn metadata_integers(inst: &Value, kind: u32) -> Vec<u64> {
    unsafe {
        let node = LLVMGetMetadata(inst.raw(), kind);
        if node.is_null() {
            return Vec::new();
        }
        let mut operands = vec![std::ptr::null_mut(); LLVMGetMDNodeNumOperands(node) as usize];
        LLVMGetMDNodeOperands(node, operands.as_mut_ptr());
        operands
            .into_iter()
            .filter(|op| !op.is_null() && !LLVMIsAConstantInt(*op).is_null())
            .map(|op| LLVMConstIntGetZExtValue(op))
            .collect()
    }
}

pub fn type_of(v: &Value) -> &Type {
    super::ty(unsafe { LLVMTypeOf(v.raw()) })
}

/// The function a basic block belongs to.
pub fn parent_function(bb: &BasicBlock) -> &Value {
    super::value(unsafe { LLVMGetBasicBlockParent(bb.raw()) })
}

/// A function's parameters.
pub fn params(f: &Value) -> Vec<&Value> {
    assert!(is_function(f), "parameters of a non-function {f:?}");
    let n = unsafe { LLVMCountParams(f.raw()) };
    (0..n).map(|i| super::value(unsafe { LLVMGetParam(f.raw(), i) })).collect()
}

/// A function's parameter `index`.
pub fn param(f: &Value, index: usize) -> &Value {
    assert!(is_function(f), "parameter of a non-function {f:?}");
    let n = unsafe { LLVMCountParams(f.raw()) } as usize;
    assert!(index < n, "parameter {index} of a function with {n}");
    super::value(unsafe { LLVMGetParam(f.raw(), index as u32) })
}

pub fn is_argument(v: &Value) -> bool {
    !unsafe { LLVMIsAArgument(v.raw()) }.is_null()
}

/// What `LLVMSetAlignment` accepts (anything else is undefined behaviour there).
pub fn can_have_alignment(v: &Value) -> bool {
    let raw = v.raw();
    unsafe {
        !LLVMIsAGlobalObject(raw).is_null()
            || !LLVMIsALoadInst(raw).is_null()
            || !LLVMIsAStoreInst(raw).is_null()
            || !LLVMIsAAllocaInst(raw).is_null()
            || !LLVMIsAAtomicRMWInst(raw).is_null()
            || !LLVMIsAAtomicCmpXchgInst(raw).is_null()
    }
}

pub fn is_phi(v: &Value) -> bool {
    !unsafe { LLVMIsAPHINode(v.raw()) }.is_null()
}

pub fn is_landing_pad(v: &Value) -> bool {
    !unsafe { LLVMIsALandingPadInst(v.raw()) }.is_null()
}

pub fn is_alloca(v: &Value) -> bool {
    !unsafe { LLVMIsAAllocaInst(v.raw()) }.is_null()
}

/// Whether a value is a constant (including globals, whose address is one).
pub fn is_constant(v: &Value) -> bool {
    unsafe { LLVMIsConstant(v.raw()) != 0 }
}

/// Looks through bitcasts and address-space casts (instructions or constant expressions).
pub fn strip_pointer_casts(mut v: &Value) -> &Value {
    loop {
        let raw = v.raw();
        let is_cast = unsafe {
            !LLVMIsAAddrSpaceCastInst(raw).is_null()
                || !LLVMIsABitCastInst(raw).is_null()
                || (!LLVMIsAConstantExpr(raw).is_null()
                    && matches!(
                        LLVMGetConstOpcode(raw),
                        llvm_sys::LLVMOpcode::LLVMAddrSpaceCast | llvm_sys::LLVMOpcode::LLVMBitCast
                    ))
        };
        if !is_cast {
            return v;
        }
        v = super::value(unsafe { LLVMGetOperand(raw, 0) });
    }
}

/// The value a constant global variable is initialized with; `None` for anything else.
pub fn constant_global_initializer(v: &Value) -> Option<&Value> {
    (is_global_variable(v) && super::is_global_constant(v)).then(|| initializer(v)).flatten()
}

/// Points every use of global `old` at `new` and deletes `old`.
pub fn replace_global(old: &Value, new: &Value) {
    assert!(is_global_variable(old), "replacing a non-variable {old:?}");
    unsafe {
        LLVMReplaceAllUsesWith(old.raw(), new.raw());
        LLVMDeleteGlobal(old.raw());
    }
}

/// Gives `to` the `unnamed_addr`, DLL storage class and comdat of `from` (global values both).
pub fn copy_global_properties(to: &Value, from: &Value) {
    assert!(is_global_value(to) && is_global_value(from));
    unsafe {
        LLVMSetUnnamedAddress(to.raw(), LLVMGetUnnamedAddress(from.raw()));
        LLVMSetDLLStorageClass(to.raw(), LLVMGetDLLStorageClass(from.raw()));
    }
    copy_comdat(to, from);
}

/// A new alias `name` of `aliasee`, whose value type is `ty`.
pub fn add_alias<'ll>(m: &'ll Module, ty: &'ll Type, aliasee: &'ll Value, name: &str) -> &'ll Value {
    let name = super::cstr(name);
    super::value(unsafe { LLVMAddAlias2(m.raw(), ty.raw(), 0, aliasee.raw(), name.as_ptr()) })
}

/// The function a call, invoke or callbr calls directly; `None` for indirect calls, inline
/// assembly and other instructions.
pub fn called_function(inst: &Value) -> Option<&Value> {
    called_operand(inst).filter(|&callee| is_function(callee))
}

/// The intrinsic ID LLVM gives `name` (0: none).
pub fn lookup_intrinsic_id(name: &str) -> u32 {
    unsafe { LLVMLookupIntrinsicID(name.as_ptr().cast(), name.len()) }
}

/// A function's intrinsic ID (0: not an intrinsic).
pub fn intrinsic_id(f: &Value) -> u32 {
    assert!(is_function(f), "intrinsic ID of a non-function {f:?}");
    unsafe { LLVMGetIntrinsicID(f.raw()) }
}

/// Whether intrinsic `id` (non-zero) is overloaded on types.
pub fn intrinsic_is_overloaded(id: u32) -> bool {
    assert!(id != 0);
    unsafe { LLVMIntrinsicIsOverloaded(id) != 0 }
}

/// The function type of intrinsic `id` (non-zero) at `overload`.
pub fn intrinsic_type<'ll>(c: &'ll super::Context, id: u32, overload: &[&'ll Type]) -> &'ll Type {
    assert!(id != 0);
    let mut raw: Vec<_> = overload.iter().map(|t| t.raw()).collect();
    super::ty(unsafe { LLVMIntrinsicGetType(c.raw(), id, raw.as_mut_ptr(), raw.len()) })
}

/// The name of intrinsic `id` (non-zero) at `overload`, e.g. `llvm.fshl.i32`.
pub fn intrinsic_name(m: &Module, id: u32, overload: &[&Type]) -> String {
    assert!(id != 0);
    let mut raw: Vec<_> = overload.iter().map(|t| t.raw()).collect();
    let mut len = 0;
    unsafe { super::take_message(LLVMIntrinsicCopyOverloadedName2(m.raw(), id, raw.as_mut_ptr(), raw.len(), &mut len)) }
}

/// What an inline assembly expression is, besides its template and constraints.
pub struct InlineAsmFlags {
    pub side_effects: bool,
    pub align_stack: bool,
    pub dialect: llvm_sys::LLVMInlineAsmDialect,
    pub can_unwind: bool,
}

/// An inline assembly expression of function type `fn_ty`.
pub fn inline_asm<'ll>(fn_ty: &'ll Type, template: &[u8], constraints: &[u8], flags: InlineAsmFlags) -> &'ll Value {
    super::value(unsafe {
        LLVMGetInlineAsm(
            fn_ty.raw(),
            template.as_ptr().cast(),
            template.len(),
            constraints.as_ptr().cast(),
            constraints.len(),
            super::to_bool(flags.side_effects),
            super::to_bool(flags.align_stack),
            flags.dialect,
            super::to_bool(flags.can_unwind),
        )
    })
}
