//@ lto: fat thin
// Module-level assembly: `global_asm!` defining functions called from Rust (Intel and AT&T
// syntax, with `sym` and `const` operands), and `#[unsafe(naked)]` functions (which rustc turns
// into global assembly too), including a generic one and one whose address is taken.
use std::arch::{global_asm, naked_asm};

global_asm!(
    ".globl asm_triple",
    ".type asm_triple, @function",
    "asm_triple:",
    "    lea rax, [rdi + rdi * 2]",
    "    add rax, {bias}",
    "    ret",
    ".size asm_triple, . - asm_triple",
    bias = const 7,
);

// Reads a Rust static and calls a Rust function by symbol.
global_asm!(
    ".globl asm_use_rust",
    ".type asm_use_rust, @function",
    "asm_use_rust:",
    "    push rbx",
    "    mov rbx, qword ptr [rip + {value}]",
    "    mov rdi, rbx",
    "    call {helper}",
    "    add rax, rbx",
    "    pop rbx",
    "    ret",
    ".size asm_use_rust, . - asm_use_rust",
    value = sym VALUE,
    helper = sym helper,
);

global_asm!(
    ".globl asm_att_sub",
    "asm_att_sub:",
    "    movq %rdi, %rax",
    "    subq %rsi, %rax",
    "    ret",
    options(att_syntax),
);

static VALUE: u64 = 1000;

// Only referenced from assembly: it must not be dropped as unused.
extern "C" fn helper(x: u64) -> u64 {
    x / 10
}

unsafe extern "C" {
    fn asm_triple(x: u64) -> u64;
    fn asm_use_rust() -> u64;
    fn asm_att_sub(a: i64, b: i64) -> i64;
}

#[unsafe(naked)]
extern "C" fn naked_add(a: u64, b: u64) -> u64 {
    naked_asm!("lea rax, [rdi + rsi]", "ret")
}

#[unsafe(naked)]
extern "sysv64" fn naked_att_mul(a: u64, b: u64) -> u64 {
    naked_asm!("movq %rdi, %rax", "imulq %rsi, %rax", "ret", options(att_syntax))
}

// A naked function that calls a Rust function through `sym`, keeping the stack aligned.
#[unsafe(naked)]
extern "C" fn naked_calls_rust(x: u64) -> u64 {
    naked_asm!("push rax", "call {f}", "add rax, {k}", "pop rcx", "ret", f = sym helper, k = const 5)
}

// Generic: one copy per instantiation, each with its own const.
#[unsafe(naked)]
extern "C" fn naked_size_of<T>() -> usize {
    naked_asm!("mov eax, {n}", "ret", n = const std::mem::size_of::<T>())
}

fn main() {
    unsafe {
        println!("global_asm triple: {}", asm_triple(11));
        println!("global_asm uses rust: {}", asm_use_rust());
        println!("global_asm att: {}", asm_att_sub(5, 12));
    }
    println!("naked add: {}", naked_add(40, 2));
    println!("naked att mul: {}", naked_att_mul(6, 7));
    println!("naked calls rust: {}", naked_calls_rust(420));
    println!("naked generic: {} {} {}", naked_size_of::<u8>(), naked_size_of::<u64>(), naked_size_of::<[u32; 5]>());
    let f: extern "C" fn(u64, u64) -> u64 = std::hint::black_box(naked_add);
    println!("naked through pointer: {}", f(1, 2));
}
