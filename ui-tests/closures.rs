//@ opt-levels: 0 1 2 3 s z
// Closures: captures by ref, by mut ref, by move; Fn/FnMut/FnOnce; returning closures;
// closures as generic and dyn arguments; recursion through fn pointers; non-capturing to fn ptr.
use std::hint::black_box as bb;

fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 { f(x) }
fn apply_mut(mut f: impl FnMut() -> u32, n: usize) -> Vec<u32> { (0..n).map(|_| f()).collect() }
fn apply_once<F: FnOnce() -> String>(f: F) -> String { f() }
fn make_adder(n: i32) -> impl Fn(i32) -> i32 { move |x| x + n }
fn make_counter() -> Box<dyn FnMut() -> u64> { let mut c = 0; Box::new(move || { c += 1; c * c }) }
fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C { move |x| g(f(x)) }

fn main() {
    let k = bb(10);
    println!("{}", apply(|x| x * k, 4));
    let mut total = 0u32;
    println!("{:?}", apply_mut(|| { total += 3; total }, 4));
    println!("{total}");
    let s = String::from("owned");
    println!("{}", apply_once(move || s + "!"));
    let add5 = make_adder(bb(5));
    println!("{} {}", add5(1), apply(&add5, 2));
    let mut c = make_counter();
    println!("{} {} {}", c(), c(), c());
    let f = compose(|x: u8| x as u32 * 1000, |y: u32| format!("<{y}>"));
    println!("{}", f(bb(7)));
    let fp: fn(i32) -> i32 = |x| x - 1;
    let fps: [fn(i32) -> i32; 3] = [fp, |x| x * x, i32::abs];
    println!("{:?}", fps.iter().map(|f| f(bb(-6))).collect::<Vec<_>>());
    let v = vec![1, 2, 3];
    let sum_ref = || v.iter().sum::<i32>();
    println!("{} {:?}", sum_ref(), v);
    let mut big = [0u64; 16];
    let mut fill = |i: usize| big[i] = (i as u64).pow(3);
    for i in 0..16 { fill(i); }
    println!("{:?}", &big[10..]);
    let funcs: Vec<Box<dyn Fn(&str) -> String>> = vec![Box::new(|s| s.to_uppercase()), Box::new(|s| s.chars().rev().collect()), Box::new(move |s| format!("{s}{k}"))];
    for f in &funcs { print!("{} ", f("abc")); }
    println!();
    fn fact(f: &dyn Fn(&dyn Fn(u64) -> u64, u64) -> u64, n: u64) -> u64 {
        fn helper(f: &dyn Fn(&dyn Fn(u64) -> u64, u64) -> u64, n: u64) -> u64 { f(&|m| helper(f, m), n) }
        helper(f, n)
    }
    println!("{}", fact(&|rec, n| if n == 0 { 1 } else { n * rec(n - 1) }, bb(15)));
}
