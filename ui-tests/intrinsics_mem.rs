// Memory intrinsics: ptr::copy (overlapping), copy_nonoverlapping, write_bytes, swap,
// replace, read/write_unaligned, mem::take/zeroed/transmute, black_box, unreachable_unchecked
// in a dead branch, assert_unchecked, likely-style #[cold] paths, MaybeUninit arrays.
#![allow(unnecessary_transmutes)]
use std::hint::{black_box as bb, unreachable_unchecked};
use std::mem::{self, MaybeUninit};
use std::ptr;

#[cold]
#[inline(never)]
fn cold_path(x: u32) -> u32 { x * 1000 }

#[inline(never)]
fn pick(x: u32) -> u32 {
    match x % 3 {
        0 => 10,
        1 => 20,
        2 => 30,
        _ => unsafe { unreachable_unchecked() },
    }
}

fn main() {
    let mut a: [u8; 16] = std::array::from_fn(|i| i as u8);
    unsafe {
        ptr::copy(a.as_ptr(), a.as_mut_ptr().add(3), 10);
        println!("{:?}", a);
        ptr::copy(a.as_ptr().add(5), a.as_mut_ptr().add(1), 8);
        println!("{:?}", a);
        let mut b = [0u8; 16];
        ptr::copy_nonoverlapping(a.as_ptr(), b.as_mut_ptr().add(2), 12);
        ptr::write_bytes(b.as_mut_ptr().add(bb(10)), 0xab, 4);
        println!("{:?}", b);
        let mut w = [0u32; 5];
        ptr::write_bytes(w.as_mut_ptr(), 0x11, bb(3));
        println!("{:x?}", w);
        let bytes = [1u8, 2, 3, 4, 5, 6, 7, 8, 9];
        let u: u64 = ptr::read_unaligned(bytes.as_ptr().add(1) as *const u64);
        println!("{:#x}", u);
        let mut out = [0u8; 9];
        ptr::write_unaligned(out.as_mut_ptr().add(1) as *mut u64, bb(0x1122334455667788));
        println!("{:?}", out);
        let mut x = 1;
        let mut y = 2;
        ptr::swap(&mut x, &mut y);
        println!("{x} {y} {}", ptr::replace(&mut x, 9));
        std::hint::assert_unchecked(x == 9);
        println!("{x}");
    }
    let mut v = vec![1, 2, 3];
    let taken = mem::take(&mut v);
    println!("{:?} {:?}", taken, v);
    println!("{}", mem::replace(&mut v, vec![7]).len());
    let z: [u64; 4] = unsafe { mem::zeroed() };
    let f: u32 = unsafe { mem::transmute(bb(1.0f32)) };
    let arr: [u16; 4] = unsafe { mem::transmute(bb(0x0004_0003_0002_0001u64)) };
    println!("{:?} {:#x} {:?}", z, f, arr);
    let mut mu: [MaybeUninit<String>; 3] = [const { MaybeUninit::uninit() }; 3];
    for (i, m) in mu.iter_mut().enumerate() { m.write(format!("s{i}")); }
    let strs: [String; 3] = unsafe { mem::transmute(mu) };
    println!("{:?}", strs);
    println!("{:?}", (0..7).map(|i| pick(bb(i))).collect::<Vec<_>>());
    let r: u32 = (0..10u32).map(|i| if bb(i) > 100 { cold_path(i) } else { i }).sum();
    println!("{r}");
    let mut s1 = [1, 2, 3];
    let mut s2 = [4, 5, 6];
    mem::swap(&mut s1, &mut s2);
    println!("{:?} {:?} {}", s1, s2, mem::needs_drop::<String>() && !mem::needs_drop::<u8>());
    let big = bb([7u8; 4096]);
    let big2 = big;
    println!("{}", big2.iter().map(|&b| b as u32).sum::<u32>());
    let forgotten = String::from("leak");
    mem::forget(forgotten);
    println!("{}", mem::size_of_val(&big2));
}
