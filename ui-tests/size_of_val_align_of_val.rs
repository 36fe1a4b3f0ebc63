// size_of_val / align_of_val on sized types, slices, str, trait objects and custom DSTs (struct
// with a trailing slice / dyn field), plus size_of/align_of of common types.
#![allow(dead_code)]
use std::fmt::Debug;
use std::hint::black_box as bb;
use std::mem::{align_of, align_of_val, size_of, size_of_val};

#[allow(dead_code)]
struct Dst<T: ?Sized> { head: u16, tail: T }

#[repr(align(32))]
#[derive(Debug)]
struct Al(u8);

fn dyn_info(x: &dyn Debug) -> (usize, usize) { (size_of_val(x), align_of_val(x)) }

fn main() {
    let v = bb(vec![1u64; 7]);
    let s: &[u64] = &v;
    println!("{} {}", size_of_val(s), align_of_val(s));
    let st = bb("hello wörld");
    println!("{} {}", size_of_val(st), align_of_val(st));
    let items: [&dyn Debug; 6] = [&1u8, &2u32, &3.0f64, &Al(1), &"str", &[1u16; 5]];
    println!("{:?}", items.iter().map(|d| dyn_info(*d)).collect::<Vec<_>>());
    let d: &Dst<[u32]> = &Dst { head: 1, tail: [1, 2, 3] };
    println!("{} {} {}", size_of_val(d), align_of_val(d), d.tail.len());
    let dd: &Dst<dyn Debug> = &Dst { head: 2, tail: Al(5) };
    println!("{} {} {:?}", size_of_val(dd), align_of_val(dd), &dd.tail);
    let dd2: &Dst<dyn Debug> = &Dst { head: 2, tail: 7u8 };
    println!("{} {}", size_of_val(dd2), align_of_val(dd2));
    let boxed: Box<[u8]> = vec![0; bb(13)].into_boxed_slice();
    println!("{}", size_of_val(&*boxed));
    println!("{:?}", (size_of::<&[u8]>(), size_of::<&dyn Debug>(), size_of::<Box<dyn Debug>>(), size_of::<fn()>(), size_of::<char>()));
    println!("{:?}", (align_of::<u128>(), align_of::<f64>(), align_of::<Al>(), size_of::<Al>(), size_of::<[Al; 3]>()));
    println!("{:?}", (size_of::<Option<Box<dyn Debug>>>(), size_of::<Result<u8, u8>>(), size_of::<Option<u64>>()));
}
