// Unions: type punning through fields, ManuallyDrop fields, repr(C) unions with different field
// sizes, unions inside structs and passed by value.
use std::hint::black_box as bb;
use std::mem::ManuallyDrop;

#[repr(C)]
#[derive(Clone, Copy)]
union IntOrFloat { i: u32, f: f32 }

#[repr(C)]
#[derive(Clone, Copy)]
union Wide { bytes: [u8; 16], words: [u32; 4], q: u128, d: f64 }

union WithDrop { s: ManuallyDrop<String>, n: usize }

#[derive(Clone, Copy)]
struct Tagged { tag: u8, val: IntOrFloat }

#[inline(never)]
fn show(t: Tagged) -> String {
    unsafe { if t.tag == 0 { format!("int {}", t.val.i) } else { format!("float {}", t.val.f) } }
}

#[inline(never)]
fn through(w: Wide) -> Wide { let mut w = w; unsafe { w.words[1] ^= 0xffff_ffff; } w }

fn main() {
    let u = IntOrFloat { f: bb(1.0) };
    println!("{:#x}", unsafe { u.i });
    let u = IntOrFloat { i: bb(0x4049_0fdb) };
    println!("{}", unsafe { u.f });
    let w = Wide { q: bb(0x0011_2233_4455_6677_8899_aabb_ccdd_eeff) };
    unsafe {
        println!("{:?}", w.bytes);
        println!("{:x?}", w.words);
        let w2 = through(w);
        println!("{:x} {:?}", w2.q, w2.bytes[4..8].to_vec());
    }
    // Writing the f64 field leaves the other 8 bytes as they were: initialize them first.
    let mut w = Wide { q: 0 };
    w.d = bb(-2.5);
    println!("{:#x}", unsafe { w.q });
    let mut d = WithDrop { s: ManuallyDrop::new(String::from("hello union")) };
    unsafe {
        (*d.s).push('!');
        println!("{}", *d.s);
        ManuallyDrop::drop(&mut d.s);
        d.n = 42;
        println!("{}", d.n);
    }
    println!("{} {}", show(Tagged { tag: 0, val: IntOrFloat { i: 7 } }), show(Tagged { tag: 1, val: IntOrFloat { f: 0.25 } }));
    println!("{} {}", std::mem::size_of::<Wide>(), std::mem::align_of::<Wide>());
}
