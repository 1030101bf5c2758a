//! Invented names. Forenames are ordinary given names (not identifying on their own); surnames
//! are built from syllables so that no generated person matches a real one by design.

pub const FORENAMES_F: &[&str] = &[
    "Amara", "Bella", "Chloe", "Daisy", "Ella", "Freya", "Grace", "Hana", "Isla", "Jade", "Kira",
    "Lily", "Maya", "Nia", "Olivia", "Poppy", "Ruby", "Sofia", "Tia", "Zara",
];
pub const FORENAMES_M: &[&str] = &[
    "Adam", "Ben", "Caleb", "Dylan", "Ethan", "Finn", "George", "Harry", "Isaac", "Jack", "Kai",
    "Leo", "Mason", "Noah", "Oscar", "Reuben", "Sami", "Theo", "Yusuf", "Zac",
];
const SURNAME_A: &[&str] = &[
    "Quel", "Brax", "Drom", "Fenn", "Garv", "Hask", "Jorn", "Kelv", "Lumm", "Morv", "Norr", "Pell",
    "Quarr", "Rask", "Stav", "Tobb", "Vell", "Wyst", "Yarn", "Zell",
];
const SURNAME_B: &[&str] = &[
    "acombe", "bridge", "ering", "ifold", "ington", "owick", "sley", "thorpe", "umble", "wyth",
];

pub fn surname(k: u64) -> String {
    format!(
        "{}{}",
        SURNAME_A[(k % SURNAME_A.len() as u64) as usize],
        SURNAME_B[((k / 20) % SURNAME_B.len() as u64) as usize]
    )
}
