import type { Rng } from './prng.js';

/* Word lists for people: common US first and last names of many origins. */

export const FIRST_NAMES: readonly string[] = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy',
  'Anthony', 'Betty', 'Mark', 'Sandra', 'Donald', 'Margaret', 'Steven', 'Ashley', 'Andrew', 'Kimberly', 'Paul', 'Emily',
  'Joshua', 'Donna', 'Kenneth', 'Michelle', 'Kevin', 'Carol', 'Brian', 'Amanda', 'Timothy', 'Melissa', 'Ronald', 'Deborah',
  'Jason', 'Stephanie', 'Jeffrey', 'Rebecca', 'Ryan', 'Laura', 'Jacob', 'Helen', 'Gary', 'Sharon', 'Nicholas', 'Cynthia',
  'Eric', 'Kathleen', 'Jonathan', 'Amy', 'Stephen', 'Angela', 'Larry', 'Shirley', 'Justin', 'Brenda', 'Scott', 'Emma',
  'Brandon', 'Anna', 'Benjamin', 'Pamela', 'Samuel', 'Nicole', 'Gregory', 'Samantha', 'Alexander', 'Katherine', 'Patrick',
  'Christine', 'Frank', 'Rachel', 'Raymond', 'Catherine', 'Jack', 'Carolyn', 'Dennis', 'Janet', 'Jerry', 'Maria', 'Tyler',
  'Olivia', 'Aaron', 'Heather', 'Jose', 'Diane', 'Adam', 'Julie', 'Nathan', 'Joyce', 'Henry', 'Victoria', 'Zachary', 'Kelly',
  'Douglas', 'Christina', 'Peter', 'Lauren', 'Kyle', 'Joan', 'Noah', 'Evelyn', 'Ethan', 'Judith', 'Jeremy', 'Megan', 'Walter',
  'Andrea', 'Christian', 'Cheryl', 'Keith', 'Hannah', 'Roger', 'Jacqueline', 'Terry', 'Martha', 'Austin', 'Madison', 'Sean',
  'Teresa', 'Gerald', 'Gloria', 'Carl', 'Sara', 'Harold', 'Janice', 'Dylan', 'Ann', 'Arthur', 'Kathryn', 'Lawrence', 'Abigail',
  'Jordan', 'Sophia', 'Jesse', 'Frances', 'Bryan', 'Jean', 'Billy', 'Alice', 'Bruce', 'Judy', 'Gabriel', 'Isabella', 'Logan',
  'Julia', 'Alan', 'Grace', 'Juan', 'Amber', 'Wayne', 'Denise', 'Ralph', 'Danielle', 'Roy', 'Marilyn', 'Eugene', 'Beverly',
  'Luis', 'Charlotte', 'Carlos', 'Natalie', 'Wei', 'Priya', 'Arjun', 'Mei', 'Hiroshi', 'Aisha', 'Omar', 'Fatima', 'Dmitri',
  'Ingrid', 'Mateo', 'Lucia', 'Kwame', 'Ngozi', 'Tariq', 'Yuki', 'Ravi', 'Ana', 'Diego', 'Camila', 'Minh', 'Linh',
];

export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres',
  'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales',
  'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos',
  'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz',
  'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Powell', 'Jenkins',
  'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Gonzales', 'Fisher', 'Vasquez', 'Simmons',
  'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole',
  'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall',
  'Owens', 'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen', 'Freeman',
  'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter', 'Gordon', 'Mendez', 'Silva', 'Shaw',
  'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose',
  'Stone', 'Salazar', 'Fox', 'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens',
  'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins', 'Arnold', 'Pierce', 'Vazquez',
  'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight', 'Elliott', 'Cunningham', 'Duncan', 'Armstrong', 'Hudson', 'Carroll',
  'Lane', 'Riley', 'Andrews', 'Ray', 'Berry', 'Perkins', 'Hoffman', 'Johnston', 'Matthews', 'Pena', 'Richards', 'Contreras',
  'Willis', 'Carpenter', 'Lawrence', 'Sandoval', 'Wang', 'Singh', 'Shah', 'Kowalski', 'Nakamura', 'Okafor', 'Haddad', 'Larsen',
  'Novak', 'Rossi', 'Yamamoto', 'Ivanov', 'Mensah', 'Khan', 'Zhang', 'Liu', 'Park', 'Choi', 'Das', 'Iyer', 'Byrne', 'Quinn',
];

export interface PersonName {
  readonly first: string;
  readonly last: string;
}

export const fullName = (n: PersonName): string => `${n.first} ${n.last}`;

/** A random first and last name. */
export const randomName = (rng: Rng): PersonName => ({ first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) });

/** Names never given twice within one org chart (people are told apart by name in the app). */
export class UniqueNames {
  private readonly used = new Set<string>();

  reserve(name: PersonName): void {
    this.used.add(fullName(name));
  }

  next(rng: Rng): PersonName {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = randomName(rng);
      if (!this.used.has(fullName(name))) {
        this.used.add(fullName(name));
        return name;
      }
    }
    // Past ~40,000 people the lists run dry: a middle initial tells them apart.
    for (;;) {
      const base = randomName(rng);
      const name = { first: `${base.first} ${String.fromCharCode(65 + rng.int(0, 25))}.`, last: base.last };
      if (!this.used.has(fullName(name))) {
        this.used.add(fullName(name));
        return name;
      }
    }
  }
}

/** `first.last` for e-mail addresses: lower case, ASCII letters only. */
export function emailLocalPart(name: PersonName): string {
  const clean = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return `${clean(name.first)}.${clean(name.last)}`;
}

export const CONTACT_TITLES: readonly { title: string; weight: number }[] = [
  { title: 'Chief Executive Officer', weight: 2 },
  { title: 'Chief Financial Officer', weight: 3 },
  { title: 'Chief Operating Officer', weight: 2 },
  { title: 'Chief Information Officer', weight: 3 },
  { title: 'Chief Revenue Officer', weight: 3 },
  { title: 'VP of Sales', weight: 6 },
  { title: 'VP of Operations', weight: 4 },
  { title: 'VP of Finance', weight: 3 },
  { title: 'Director of Sales Operations', weight: 7 },
  { title: 'Director of IT', weight: 5 },
  { title: 'Revenue Operations Manager', weight: 7 },
  { title: 'Sales Operations Analyst', weight: 5 },
  { title: 'Controller', weight: 3 },
  { title: 'Procurement Manager', weight: 4 },
  { title: 'IT Manager', weight: 4 },
  { title: 'Compensation Analyst', weight: 3 },
  { title: 'Head of Sales Enablement', weight: 3 },
  { title: 'Regional Sales Manager', weight: 4 },
];
