// Box<dyn Fn/FnMut/FnOnce>: storing heterogeneous closures, calling FnOnce boxes, closures
// returning closures, callbacks registry, Box<dyn Fn> with large captures, fn items in Box.
use std::collections::BTreeMap;
use std::hint::black_box as bb;

type Handler = Box<dyn Fn(i64) -> i64>;

struct Registry { handlers: BTreeMap<&'static str, Handler>, once: Vec<Box<dyn FnOnce() -> String>> }

fn curry(a: i64) -> Box<dyn Fn(i64) -> Box<dyn Fn(i64) -> i64>> { Box::new(move |b| Box::new(move |c| a * 100 + b * 10 + c)) }

fn square(x: i64) -> i64 { x * x }

fn main() {
    let big = [3u64; 32];
    let mut r = Registry { handlers: BTreeMap::new(), once: vec![] };
    let offset = bb(7);
    r.handlers.insert("add", Box::new(move |x| x + offset));
    r.handlers.insert("square", Box::new(square));
    r.handlers.insert("big", Box::new(move |x| x + big.iter().sum::<u64>() as i64));
    r.handlers.insert("neg", Box::new(|x: i64| -x));
    for (name, h) in &r.handlers { println!("{name}: {}", h(bb(5))); }
    let s = String::from("moved string");
    r.once.push(Box::new(move || s + " consumed"));
    r.once.push(Box::new(|| "static".to_string()));
    for f in r.once.drain(..) { println!("{}", f()); }
    let mut counter = 0;
    {
        let mut inc: Box<dyn FnMut(u32) + '_> = Box::new(|n| counter += n);
        inc(3);
        inc(4);
    }
    println!("{counter}");
    println!("{}", curry(bb(1))(2)(3));
    let pipeline: Vec<Box<dyn Fn(f64) -> f64>> = vec![Box::new(|x| x + 1.0), Box::new(|x| x * 2.5), Box::new(f64::sqrt)];
    println!("{}", pipeline.iter().fold(bb(5.4), |acc, f| f(acc)));
    let opt: Option<Box<dyn Fn() -> u8>> = Some(Box::new(|| 9));
    println!("{:?}", opt.map(|f| f()));
    let make_multiplier = |m: i32| -> Box<dyn Fn(i32) -> i32> { Box::new(move |x| x * m) };
    let ms: Vec<_> = (1..=4).map(make_multiplier).collect();
    println!("{:?}", ms.iter().map(|f| f(10)).collect::<Vec<_>>());
}
