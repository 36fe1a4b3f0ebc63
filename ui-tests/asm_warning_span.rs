// An assembler warning from an `asm!` block (`.warning`) is reported at the template line it
// comes from, in both syntaxes; the harness compares the compiler's stderr with the built-in
// backend's.
use std::arch::asm;

fn main() {
    unsafe {
        asm!("nop", ".warning \"intel syntax warning\"", "nop");
        asm!("nop", ".warning \"at&t syntax warning\"", options(att_syntax));
        asm!(".warning \"one line\"");
    }
    println!("done");
}
