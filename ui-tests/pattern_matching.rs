// Patterns: slice patterns (head/tail/rest bindings), ranges (inclusive, exclusive, char),
// @ bindings, guards, or-patterns, nested struct/enum/tuple destructuring, ref/ref mut, let-else,
// if-let chains via matches!, box-free deref patterns on references.
use std::hint::black_box as bb;

#[derive(Debug)]
enum Msg { Move { x: i32, y: i32 }, Write(String), Color(u8, u8, u8), Quit }

fn slice_kind(s: &[i32]) -> String {
    match s {
        [] => "empty".into(),
        [x] => format!("one {x}"),
        [first, .., last] if first == last => format!("same ends {first}"),
        [first, rest @ ..] if rest.len() > 3 => format!("long from {first}, {} more", rest.len()),
        [a, b] | [a, _, b] => format!("pair-ish {a} {b}"),
        [a, mid @ .., z] => format!("{a}..{mid:?}..{z}"),
    }
}

fn classify(n: i64) -> &'static str {
    match n {
        i64::MIN..=-1 => "negative",
        0 => "zero",
        1..10 => "small",
        10 | 20 | 30 => "round",
        x @ 11..=99 if x % 2 == 0 => "even-medium",
        11..=99 => "odd-medium",
        _ => "big",
    }
}

fn letter(c: char) -> u8 {
    match c { 'a'..='f' => 1, 'g'..='z' => 2, 'A'..='Z' => 3, '0'..='9' => 4, _ => 0 }
}

fn handle(m: &Msg) -> String {
    match m {
        Msg::Move { x: 0, y } => format!("vertical {y}"),
        Msg::Move { x, y: yy @ 1..=5 } => format!("short {x},{yy}"),
        Msg::Move { x, .. } => format!("move {x}"),
        Msg::Write(s) if s.is_empty() => "empty write".into(),
        Msg::Write(s) => format!("write {}", s.len()),
        &Msg::Color(r, 0, 0) => format!("red {r}"),
        Msg::Color(r, g, b) => format!("rgb {}", *r as u32 + *g as u32 + *b as u32),
        Msg::Quit => "quit".into(),
    }
}

fn parse_kv(s: &str) -> Option<(String, u32)> {
    let Some((k, v)) = s.split_once('=') else { return None };
    let Ok(v) = v.parse::<u32>() else { return None };
    Some((k.to_string(), v))
}

fn main() {
    for s in [&[][..], &[1], &[2, 5, 2], &[1, 2, 3, 4, 5], &[1, 2], &[1, 2, 3], &[7, 8, 9, 10]] { println!("{}", slice_kind(bb(s))); }
    for n in [-5, 0, 3, 10, 20, 44, 45, 100, 9] { print!("{} ", classify(bb(n))); }
    println!();
    println!("{:?}", "aZ9g!".chars().map(letter).collect::<Vec<_>>());
    let msgs = [Msg::Move { x: 0, y: 3 }, Msg::Move { x: 2, y: 4 }, Msg::Move { x: 2, y: 40 }, Msg::Write(String::new()), Msg::Write("hey".into()), Msg::Color(9, 0, 0), Msg::Color(1, 2, 3), Msg::Quit];
    for m in &msgs { print!("{} | ", handle(bb(m))); }
    println!();
    println!("{:?} {:?} {:?}", parse_kv("a=5"), parse_kv("a5"), parse_kv("a=x"));
    let mut pair = (String::from("left"), 5);
    let (ref mut s, ref n) = pair;
    s.push_str("!!");
    println!("{} {}", s, n);
    println!("{:?}", pair);
    let nested = ((1, (2, [3, 4, 5])), Some(Msg::Color(1, 1, 1)));
    let ((a, (b, [c, rest @ ..])), Some(Msg::Color(.., last))) = nested else { panic!() };
    println!("{a} {b} {c} {rest:?} {last}");
    let v = vec![Some(3), None, Some(7)];
    let total: i32 = v.iter().map(|o| match *o { Some(x @ 0..=5) => x, Some(x) => x * 10, None => -1 }).sum();
    println!("{total} {}", v.iter().filter(|o| matches!(o, Some(x) if *x > 4)).count());
    let arr = [[1, 2], [3, 4]];
    let [[w, _], [_, z]] = arr;
    println!("{w} {z}");
    let bytes = b"GET /index";
    if let [b'G', b'E', b'T', b' ', path @ ..] = &bytes[..] { println!("{}", std::str::from_utf8(path).unwrap()); }
    let t = bb((3u8, -2i8, 'x', true));
    match t { (0..=2, ..) => println!("low"), (_, i8::MIN..=-1, 'a'..='z', true) => println!("match neg"), _ => println!("other") }
}
