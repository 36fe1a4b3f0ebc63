// Drop order: locals in reverse declaration order, struct fields in declaration order, tuple and
// array elements, temporaries at end of statement, moved-out values, Option/Vec contents,
// shadowing, mem::drop, drop of partially moved structs, conditional drops (drop flags).
// The unused-variable/assignment warnings are deliberate: compiler stderr is compared too.
use std::hint::black_box as bb;

struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }

struct Pair { _a: D, _b: D }
struct Parts { x: D, y: D, z: D }

fn make(name: &'static str) -> D { println!("make {name}"); D(name) }

fn conditional(flag: bool) {
    let a = D("cond-a");
    if flag { drop(a); println!("dropped early"); }
    println!("end of conditional({flag})");
}

fn main() {
    {
        let _x = D("x");
        let _y = D("y");
        let _ = D("wildcard-immediate");
        let _z = (D("t0"), D("t1"));
        println!("scope end");
    }
    {
        let _p = Pair { _a: D("field a"), _b: D("field b") };
        let _arr = [D("arr0"), D("arr1"), D("arr2")];
    }
    println!("len {}", make("temp").0.len());
    let v = vec![D("v0"), D("v1")];
    let moved = v;
    println!("moved");
    drop(moved);
    let s = D("shadowed-1");
    let s = D("shadowed-2");
    let _ = &s;
    conditional(bb(true));
    conditional(bb(false));
    let parts = Parts { x: D("px"), y: D("py"), z: D("pz") };
    let Parts { y, .. } = parts;
    println!("took y");
    drop(y);
    let mut o = Some(D("opt"));
    o = None;
    println!("after reassign {}", o.is_none());
    let mut slot = D("slot-old");
    slot = D("slot-new");
    let _ = &slot;
    let boxed: Box<dyn Fn()> = { let d = D("closure capture"); Box::new(move || { let _ = &d; }) };
    boxed();
    drop(boxed);
    match make("match scrutinee") { D(n) if n.len() > 100 => println!("never"), _ => println!("in match") }
    println!("main end");
}
