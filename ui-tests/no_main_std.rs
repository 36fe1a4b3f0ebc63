//@ lto: fat thin
// #![no_main] with std still linked: the C `main` symbol is defined in Rust and uses std
// (println!, Vec, String, format) without the std runtime's own entry point.
#![no_main]

use std::ffi::c_int;

#[unsafe(no_mangle)]
pub extern "C" fn main(argc: c_int, _argv: *const *const u8) -> c_int {
    let v: Vec<String> = (1..=5).map(|i| format!("item{i}")).collect();
    println!("argc {argc}");
    println!("{}", v.join(","));
    let total: u32 = v.iter().map(|s| s.len() as u32).sum();
    println!("total {total}");
    0
}
