// Volatile reads and writes (ptr::read_volatile/write_volatile) that must not be merged or
// elided: repeated stores, a volatile loop counter, volatile access to struct fields and arrays.
use std::ptr::{read_volatile, write_volatile};

#[derive(Debug, Default, Clone, Copy)]
#[repr(C)]
struct Regs { ctrl: u32, status: u8, data: [u16; 4] }

fn main() {
    let mut x = 0u64;
    let p = &mut x as *mut u64;
    unsafe {
        for i in 0..10 { write_volatile(p, read_volatile(p) + i); }
        println!("{}", read_volatile(p));
    }
    let mut regs = Regs::default();
    let r = &mut regs as *mut Regs;
    unsafe {
        write_volatile(&raw mut (*r).ctrl, 0xdead_beef);
        write_volatile(&raw mut (*r).status, 3);
        for i in 0..4 { write_volatile(&raw mut (*r).data[i], (i * 1000) as u16); }
        let snapshot = read_volatile(r);
        println!("{:x?}", snapshot);
        let mut spins = 0u32;
        while read_volatile(&raw const (*r).status) != 0 {
            write_volatile(&raw mut (*r).status, read_volatile(&raw const (*r).status) - 1);
            spins += 1;
        }
        println!("spins {spins}");
    }
    let mut buf = [0u8; 16];
    unsafe {
        for i in 0..16 { buf.as_mut_ptr().add(i).write_volatile(i as u8 * 3); }
        let s: u32 = (0..16).map(|i| buf.as_ptr().add(i).read_volatile() as u32).sum();
        println!("{s}");
    }
    let mut f = 1.5f64;
    unsafe { write_volatile(&mut f, read_volatile(&f) * 4.0); }
    println!("{f}");
    let mut wide = 0u128;
    unsafe { write_volatile(&mut wide, u128::MAX / 5); println!("{}", read_volatile(&wide)); }
}
