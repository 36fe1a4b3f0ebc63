// Named structs, tuple structs and structs nesting them; field access and `ptype`.

//@ gdb-command: break gdb_structs.rs:46
//@ gdb-command: run
//@ gdb-command: print p
//@ gdb-command: print p.x
//@ gdb-command: print line
//@ gdb-command: print line.end.y
//@ gdb-command: print meters
//@ gdb-command: print meters.0
//@ gdb-command: print rgb
//@ gdb-command: print person
//@ gdb-command: ptype Point
//@ gdb-command: ptype person
//@ gdb-command: ptype meters
//@ gdb-command: print sizeof(person)

#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

struct Line {
    start: Point,
    end: Point,
}

struct Meters(f64);

struct Rgb(u8, u8, u8);

struct Person<'a> {
    name: &'a str,
    age: u8,
    height: Meters,
    home: Option<Point>,
}

fn main() {
    let p = Point { x: 3, y: -4 };
    let line = Line { start: p, end: Point { x: 10, y: 20 } };
    let meters = Meters(1.75);
    let rgb = Rgb(255, 128, 0);
    let person = Person { name: "Ada", age: 36, height: Meters(1.65), home: Some(p) };
    std::hint::black_box((&p, &line, &meters, &rgb, &person));
}

//@ gdb-check: $1 = gdb_structs::Point {x: 3, y: -4}
//@ gdb-check: $2 = 3
//@ gdb-check: $3 = gdb_structs::Line {start: gdb_structs::Point {x: 3, y: -4}, end: gdb_structs::Point {x: 10, y: 20}}
//@ gdb-check: $4 = 20
//@ gdb-check: $5 = gdb_structs::Meters (1.75)
//@ gdb-check: $6 = 1.75
//@ gdb-check: $7 = gdb_structs::Rgb (255, 128, 0)
//@ gdb-check: $8 = gdb_structs::Person {name: "Ada", age: 36, height: gdb_structs::Meters (1.6499999999999999), home: core::option::Option<gdb_structs::Point>::Some(gdb_structs::Point {x: 3, y: -4})}
//@ gdb-check: type = struct gdb_structs::Point {
//@ gdb-check: x: i32,
//@ gdb-check: y: i32,
//@ gdb-check: type = struct gdb_structs::Person {
//@ gdb-check: name: &str,
//@ gdb-check: age: u8,
//@ gdb-check: height: gdb_structs::Meters,
//@ gdb-check: home: core::option::Option<gdb_structs::Point>,
//@ gdb-check: type = struct gdb_structs::Meters (
//@ gdb-check: f64,
//@ gdb-check: $9 = 37
