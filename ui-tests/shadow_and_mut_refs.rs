// Borrowing: shadowing, &mut reborrows through functions, split borrows of struct fields and
// slices (split_at_mut), iter_mut, mutable references in Options, swapping via references,
// Cell/RefCell interior mutability, and returning references into arguments.
use std::cell::{Cell, RefCell};
use std::hint::black_box as bb;

#[derive(Debug)]
struct State { a: Vec<i32>, b: String, n: u32 }

fn bump(x: &mut u32) -> &mut u32 { *x += 1; x }
fn first_mut(v: &mut [i32]) -> Option<&mut i32> { v.first_mut() }
fn longest_mut<'a>(a: &'a mut String, b: &'a mut String) -> &'a mut String { if a.len() >= b.len() { a } else { b } }

fn main() {
    let x = bb(5);
    let x = x * 2;
    { let x = "shadow"; println!("{x}"); }
    let x = format!("{x}!");
    println!("{x}");
    let mut n = 0u32;
    *bump(bump(&mut n)) += 10;
    println!("{n}");
    let mut s = State { a: vec![1, 2, 3], b: "b".into(), n: 0 };
    let (ra, rb, rn) = (&mut s.a, &mut s.b, &mut s.n);
    ra.push(4);
    rb.push_str("cd");
    *rn = ra.len() as u32;
    println!("{s:?}");
    let mut arr = [1, 2, 3, 4, 5, 6];
    let (l, r) = arr.split_at_mut(bb(3));
    l[0] += r[2];
    r[0] *= l[1];
    std::mem::swap(&mut l[2], &mut r[1]);
    println!("{arr:?}");
    for v in arr.iter_mut().rev().step_by(2) { *v = -*v; }
    println!("{arr:?}");
    if let Some(f) = first_mut(&mut arr) { *f = 100; }
    println!("{}", arr[0]);
    let mut p = String::from("short");
    let mut q = String::from("much longer");
    longest_mut(&mut p, &mut q).push_str("+");
    println!("{p} {q}");
    let c = Cell::new(1);
    let refs = [&c, &c, &c];
    for r in refs { r.set(r.get() * 3); }
    println!("{}", c.get());
    let rc = RefCell::new(vec![0u8; 3]);
    { let mut b = rc.borrow_mut(); b[1] = 7; }
    println!("{:?} {}", rc.borrow(), rc.try_borrow_mut().is_ok());
    let mut opt = Some(3);
    if let Some(v) = opt.as_mut() { *v += 1; }
    let taken = opt.take();
    println!("{opt:?} {taken:?}");
    let mut matrix = vec![vec![0; 3]; 3];
    for (i, row) in matrix.iter_mut().enumerate() { for (j, cell) in row.iter_mut().enumerate() { *cell = i * 3 + j; } }
    let total: usize = matrix.iter().flatten().sum();
    println!("{matrix:?} {total}");
    let mut val = 1;
    let r1 = &mut val;
    let r2 = &mut *r1;
    *r2 += 1;
    *r1 += 1;
    println!("{val}");
}
