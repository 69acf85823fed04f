package synthetic

// country is a country with the cities, given names and family names its
// made-up institutions and people are drawn from.
type country struct {
	name        string
	adj         string // "German"
	cities      []string
	given       []string
	family      []string
	familyFirst bool // names are written family name first
}

// countries returns the built-in countries. It returns a new slice each
// time so that the package holds no mutable state.
func countries() []country {
	return []country{
		{"Germany", "German", []string{"Freiburg", "Dresden", "Aachen", "Clausthal"},
			[]string{"Maria", "Jonas", "Katrin", "Matthias", "Sabine", "Lukas"},
			[]string{"Keller", "Hoffmann", "Brandt", "Vogel", "Schreiber", "Lorenz"}, false},
		{"France", "French", []string{"Lyon", "Grenoble", "Toulouse", "Nancy"},
			[]string{"Claire", "Julien", "Sophie", "Étienne", "Camille", "Mathieu"},
			[]string{"Lefèvre", "Moreau", "Girard", "Roussel", "Fabre", "Chevalier"}, false},
		{"Japan", "Japanese", []string{"Sendai", "Sapporo", "Fukuoka", "Akita"},
			[]string{"Haruto", "Yuki", "Kenji", "Aiko", "Takeshi", "Emi"},
			[]string{"Sato", "Kobayashi", "Matsumoto", "Inoue", "Kimura", "Fujita"}, false},
		{"South Korea", "Korean", []string{"Daejeon", "Busan", "Gwangju", "Pohang"},
			[]string{"Min-jun", "Seo-yeon", "Ji-ho", "Hye-jin", "Dong-hyun", "Soo-ah"},
			[]string{"Kim", "Park", "Choi", "Jung", "Kang", "Yoon"}, true},
		{"Vietnam", "Vietnamese", []string{"Da Nang", "Hue", "Can Tho", "Thai Nguyen"},
			[]string{"Van Minh", "Thi Lan", "Duc Anh", "Thi Huong", "Quoc Bao", "Văn Đức"},
			[]string{"Pham", "Le", "Vu", "Dang", "Bui", "Nguyễn"}, true},
		{"Australia", "Australian", []string{"Perth", "Adelaide", "Brisbane", "Ballarat"},
			[]string{"Olivia", "Jack", "Charlotte", "Liam", "Grace", "Noah"},
			[]string{"Mitchell", "Harris", "Campbell", "Walsh", "Bennett", "Fraser"}, false},
		{"Poland", "Polish", []string{"Krakow", "Wroclaw", "Gliwice", "Lublin"},
			[]string{"Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł"},
			[]string{"Nowak", "Wiśniewski", "Kowalczyk", "Zieliński", "Mazur", "Krawczyk"}, false},
		{"Czech Republic", "Czech", []string{"Ostrava", "Brno", "Pilsen"},
			[]string{"Jana", "Petr", "Lucie", "Martin", "Tereza", "Jakub"},
			[]string{"Novák", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý"}, false},
		{"Kazakhstan", "Kazakh", []string{"Almaty", "Karaganda", "Shymkent"},
			[]string{"Aigerim", "Nursultan", "Dana", "Yerlan", "Madina", "Arman"},
			[]string{"Abenov", "Sultanova", "Zhaksybekov", "Omarova", "Tokayev", "Iskakov"}, false},
		{"Mongolia", "Mongolian", []string{"Ulaanbaatar", "Darkhan", "Erdenet"},
			[]string{"Bat-Erdene", "Oyunchimeg", "Ganbold", "Sarangerel", "Tömör", "Enkhjargal"},
			[]string{"Dorj", "Batbayar", "Tsend", "Gantulga", "Purev", "Altankhuyag"}, false},
		{"Indonesia", "Indonesian", []string{"Bandung", "Yogyakarta", "Surabaya", "Makassar"},
			[]string{"Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri"},
			[]string{"Santoso", "Wijaya", "Hidayat", "Kusuma", "Pratama", "Nugroho"}, false},
		{"Thailand", "Thai", []string{"Chiang Mai", "Khon Kaen", "Hat Yai"},
			[]string{"Somchai", "Nattaya", "Prasert", "Kanya", "Anan", "Siriporn"},
			[]string{"Wongsawat", "Chaiyaporn", "Srisuk", "Thongchai", "Boonmee", "Rattanakorn"}, false},
		{"China", "Chinese", []string{"Xuzhou", "Chengdu", "Wuhan", "Changsha", "Taiyuan"},
			[]string{"Wei", "Xiaoling", "Jun", "Mei", "Haoran", "Yuxin"},
			[]string{"Zhang", "Chen", "Zhou", "Xu", "Sun", "Gao"}, true},
		{"United Kingdom", "British", []string{"Leeds", "Exeter", "Nottingham", "Cardiff"},
			[]string{"Oliver", "Amelia", "Harry", "Isla", "George", "Emily"},
			[]string{"Turner", "Hughes", "Clarke", "Ward", "Palmer", "Holmes"}, false},
		{"Canada", "Canadian", []string{"Kingston", "Sudbury", "Saskatoon"},
			[]string{"Ethan", "Chloé", "Logan", "Zoe", "Mathis", "Ava"},
			[]string{"Tremblay", "MacDonald", "Gagnon", "Sinclair", "Roy", "Leblanc"}, false},
		{"Finland", "Finnish", []string{"Oulu", "Tampere", "Kuopio"},
			[]string{"Aino", "Eero", "Sanna", "Mikko", "Helmi", "Jussi"},
			[]string{"Virtanen", "Mäkinen", "Heikkinen", "Koskinen", "Laine", "Järvinen"}, false},
		{"Chile", "Chilean", []string{"Antofagasta", "Concepción", "Valparaíso"},
			[]string{"Valentina", "Matías", "Camila", "Benjamín", "Josefa", "Tomás"},
			[]string{"González", "Muñoz", "Rojas", "Díaz", "Soto", "Contreras"}, false},
		{"Hungary", "Hungarian", []string{"Miskolc", "Debrecen", "Pécs"},
			[]string{"Zsófia", "Bence", "Eszter", "Máté", "Réka", "Levente"},
			[]string{"Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga"}, false},
		{"Turkey", "Turkish", []string{"Ankara", "Izmir", "Trabzon"},
			[]string{"Elif", "Mehmet", "Zeynep", "Emre", "Ayşe", "Burak"},
			[]string{"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"}, false},
		{"South Africa", "South African", []string{"Pretoria", "Stellenbosch", "Bloemfontein"},
			[]string{"Thabo", "Lerato", "Pieter", "Naledi", "Sipho", "Anneke"},
			[]string{"Mokoena", "van der Merwe", "Dlamini", "Botha", "Nkosi", "Pillay"}, false},
	}
}

// patterns are the forms of made-up institution names; %s is a city.
func patterns() []string {
	return []string{
		"%s University of Technology",
		"University of %s",
		"%s Polytechnic Institute",
		"%s University of Science and Technology",
		"%s Institute of Mining and Metallurgy",
		"%s College of Engineering",
		"%s National University",
		"%s University of Economics",
		"%s Institute of Geosciences",
		"%s Technical University",
	}
}

// fields are research and teaching areas articles talk about.
func fields() []string {
	return []string{
		"geotechnical engineering", "mineral processing", "renewable energy",
		"hydrogeology", "remote sensing and GIS", "mine safety", "environmental engineering",
		"petroleum engineering", "artificial intelligence", "data science", "surveying and mapping",
		"civil engineering", "materials science", "economics and management", "climate adaptation",
		"smart manufacturing", "water resources", "battery technologies", "rare earth elements",
		"landslide monitoring", "digital transformation", "automation and robotics",
	}
}

// roles are the positions of the people named.
func roles() []string {
	return []string{
		"Rector", "Vice Rector", "President", "Vice President", "Dean of the Faculty of Engineering",
		"Director of the International Office", "Head of the Department of International Relations",
		"Dean of the Faculty of Geosciences", "Director of the Research Centre", "Vice Dean",
	}
}

// honorifics are the titles before people's names.
func honorifics() []string {
	return []string{"Prof. Dr.", "Assoc. Prof. Dr.", "Dr.", "Prof.", "Mr.", "Ms.", "Assoc. Prof."}
}
