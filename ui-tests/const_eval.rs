// Compile-time evaluation: const fn (loops, recursion, match), const generics (arrays, structs,
// where-bounded impls), associated consts, const blocks, statics initialized by const fn,
// arrays built in const context, size_of in const, named consts as patterns.
use std::hint::black_box as bb;

const fn fib(n: u32) -> u64 { let (mut a, mut b, mut i) = (0u64, 1u64, 0); while i < n { let t = a + b; a = b; b = t; i += 1; } a }
const fn fact(n: u128) -> u128 { if n == 0 { 1 } else { n * fact(n - 1) } }
const fn is_prime(n: u32) -> bool { if n < 2 { return false; } let mut d = 2; while d * d <= n { if n % d == 0 { return false; } d += 1; } true }
const fn primes<const N: usize>() -> [u32; N] { let mut out = [0; N]; let (mut i, mut c) = (0, 2); while i < N { if is_prime(c) { out[i] = c; i += 1; } c += 1; } out }

const FIB_50: u64 = fib(50);
const FACT_30: u128 = fact(30);
const PRIMES: [u32; 15] = primes::<15>();
static LOOKUP: [u8; 256] = { let mut t = [0u8; 256]; let mut i = 0; while i < 256 { t[i] = (i as u8).count_ones() as u8; i += 1; } t };

struct Matrix<const R: usize, const C: usize>([[i32; C]; R]);
impl<const R: usize, const C: usize> Matrix<R, C> {
    const CELLS: usize = R * C;
    fn transpose(&self) -> Matrix<C, R> { let mut m = [[0; R]; C]; for r in 0..R { for c in 0..C { m[c][r] = self.0[r][c]; } } Matrix(m) }
    fn mul<const K: usize>(&self, o: &Matrix<C, K>) -> Matrix<R, K> {
        let mut m = [[0; K]; R];
        for r in 0..R { for k in 0..K { for c in 0..C { m[r][k] += self.0[r][c] * o.0[c][k]; } } }
        Matrix(m)
    }
}

fn sum_arr<const N: usize>(a: [u16; N]) -> u32 { a.iter().map(|&x| x as u32).sum::<u32>() * N as u32 }

trait Shape { const SIDES: u32; const NAME: &'static str; fn describe() -> String { format!("{} has {} sides", Self::NAME, Self::SIDES) } }
struct Tri; struct Sq;
impl Shape for Tri { const SIDES: u32 = 3; const NAME: &'static str = "triangle"; }
impl Shape for Sq { const SIDES: u32 = 4; const NAME: &'static str = "square"; }

fn main() {
    println!("{FIB_50} {FACT_30} {PRIMES:?}");
    println!("{:?}", &LOOKUP[bb(250)..]);
    let m = Matrix([[1, 2, 3], [4, 5, 6]]);
    let t = m.transpose();
    let p = m.mul(&t);
    println!("{:?} {:?} {} {}", t.0, p.0, Matrix::<2, 3>::CELLS, Matrix::<7, 9>::CELLS);
    println!("{} {}", sum_arr([1, 2, 3]), sum_arr([bb(10); 10]));
    println!("{} / {}", Tri::describe(), Sq::describe());
    let x = const { fib(20) * 2 };
    println!("{x} {}", const { std::mem::size_of::<[u64; 7]>() });
    const FIB_5: u64 = fib(5);
    match bb(5u64) { FIB_5 => println!("fib(5) matched"), _ => println!("no match") }
    const ARR: [[u8; 3]; 2] = [[1, 2, 3], [4, 5, 6]];
    println!("{:?} {}", ARR, ARR[1][bb(2)]);
    println!("{} {}", fib(bb(60)), is_prime(bb(7919)));
}
