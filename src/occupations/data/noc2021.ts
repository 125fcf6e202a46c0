// NOC 2021 Version 1.0 unit groups: a verbatim copy of noc2021.csv (same folder), embedded as text so that the
// pure lookup works in Node, the bundled CLI and the browser without a file loader. Provenance of the CSV:
// docs/sources/README.md ("noc2021.csv"). A test checks that this text and the CSV file are identical.
export const noc2021Csv = `code,title,teer,broad_category
00010,Legislators,0,0
00011,Senior government managers and officials,0,0
00012,"Senior managers - financial, communications and other business services",0,0
00013,"Senior managers - health, education, social and community services and membership organizations",0,0
00014,"Senior managers - trade, broadcasting and other services",0,0
00015,"Senior managers - construction, transportation, production and utilities",0,0
10010,Financial managers,0,1
10011,Human resources managers,0,1
10012,Purchasing managers,0,1
10019,Other administrative services managers,0,1
10020,"Insurance, real estate and financial brokerage managers",0,1
10021,"Banking, credit and other investment managers",0,1
10022,"Advertising, marketing and public relations managers",0,1
10029,Other business services managers,0,1
10030,Telecommunication carriers managers,0,1
11100,Financial auditors and accountants,1,1
11101,Financial and investment analysts,1,1
11102,Financial advisors,1,1
11103,"Securities agents, investment dealers and brokers",1,1
11109,Other financial officers,1,1
11200,Human resources professionals,1,1
11201,Professional occupations in business management consulting,1,1
11202,"Professional occupations in advertising, marketing and public relations",1,1
12010,"Supervisors, general office and administrative support workers",2,1
12011,"Supervisors, finance and insurance office workers",2,1
12012,"Supervisors, library, correspondence and related information workers",2,1
12013,"Supervisors, supply chain, tracking and scheduling coordination occupations",2,1
12100,Executive assistants,2,1
12101,Human resources and recruitment officers,2,1
12102,Procurement and purchasing agents and officers,2,1
12103,Conference and event planners,2,1
12104,Employment insurance and revenue officers,2,1
12110,"Court reporters, medical transcriptionists and related occupations",2,1
12111,Health information management occupations,2,1
12112,Records management technicians,2,1
12113,Statistical officers and related research support occupations,2,1
12200,Accounting technicians and bookkeepers,2,1
12201,Insurance adjusters and claims examiners,2,1
12202,Insurance underwriters,2,1
12203,"Assessors, business valuators and appraisers",2,1
13100,Administrative officers,3,1
13101,Property administrators,3,1
13102,Payroll administrators,3,1
13110,Administrative assistants,3,1
13111,Legal administrative assistants,3,1
13112,Medical administrative assistants,3,1
13200,"Customs, ship and other brokers",3,1
13201,Production and transportation logistics coordinators,3,1
14100,General office support workers,4,1
14101,Receptionists,4,1
14102,Personnel clerks,4,1
14103,Court clerks and related court services occupations,4,1
14110,Survey interviewers and statistical clerks,4,1
14111,Data entry clerks,4,1
14112,Desktop publishing operators and related occupations,4,1
14200,Accounting and related clerks,4,1
14201,"Banking, insurance and other financial clerks",4,1
14202,Collection clerks,4,1
14300,Library assistants and clerks,4,1
14301,"Correspondence, publication and regulatory clerks",4,1
14400,Shippers and receivers,4,1
14401,Storekeepers and partspersons,4,1
14402,Production logistics workers,4,1
14403,Purchasing and inventory control workers,4,1
14404,Dispatchers,4,1
14405,Transportation route and crew schedulers,4,1
20010,Engineering managers,0,2
20011,Architecture and science managers,0,2
20012,Computer and information systems managers,0,2
21100,Physicists and astronomers,1,2
21101,Chemists,1,2
21102,Geoscientists and oceanographers,1,2
21103,Meteorologists and climatologists,1,2
21109,Other professional occupations in physical sciences,1,2
21110,Biologists and related scientists,1,2
21111,Forestry professionals,1,2
21112,"Agricultural representatives, consultants and specialists",1,2
21120,Public and environmental health and safety professionals,1,2
21200,Architects,1,2
21201,Landscape architects,1,2
21202,Urban and land use planners,1,2
21203,Land surveyors,1,2
21210,"Mathematicians, statisticians and actuaries",1,2
21211,Data scientists,1,2
21220,Cybersecurity specialists,1,2
21221,Business systems specialists,1,2
21222,Information systems specialists,1,2
21223,Database analysts and data administrators,1,2
21230,Computer systems developers and programmers,1,2
21231,Software engineers and designers,1,2
21232,Software developers and programmers,1,2
21233,Web designers,1,2
21234,Web developers and programmers,1,2
21300,Civil engineers,1,2
21301,Mechanical engineers,1,2
21310,Electrical and electronics engineers,1,2
21311,Computer engineers (except software engineers and designers),1,2
21320,Chemical engineers,1,2
21321,Industrial and manufacturing engineers,1,2
21322,Metallurgical and materials engineers,1,2
21330,Mining engineers,1,2
21331,Geological engineers,1,2
21332,Petroleum engineers,1,2
21390,Aerospace engineers,1,2
21399,Other professional engineers,1,2
22100,Chemical technologists and technicians,2,2
22101,Geological and mineral technologists and technicians,2,2
22110,Biological technologists and technicians,2,2
22111,Agricultural and fish products inspectors,2,2
22112,Forestry technologists and technicians,2,2
22113,Conservation and fishery officers,2,2
22114,Landscape and horticulture technicians and specialists,2,2
22210,Architectural technologists and technicians,2,2
22211,Industrial designers,2,2
22212,Drafting technologists and technicians,2,2
22213,Land survey technologists and technicians,2,2
22214,Technical occupations in geomatics and meteorology,2,2
22220,Computer network and web technicians,2,2
22221,User support technicians,2,2
22222,Information systems testing technicians,2,2
22230,Non-destructive testers and inspectors,2,2
22231,Engineering inspectors and regulatory officers,2,2
22232,Occupational health and safety specialists,2,2
22233,Construction inspectors,2,2
22300,Civil engineering technologists and technicians,2,2
22301,Mechanical engineering technologists and technicians,2,2
22302,Industrial engineering and manufacturing technologists and technicians,2,2
22303,Construction estimators,2,2
22310,Electrical and electronics engineering technologists and technicians,2,2
22311,Electronic service technicians (household and business equipment),2,2
22312,Industrial instrument technicians and mechanics,2,2
22313,"Aircraft instrument, electrical and avionics mechanics, technicians and inspectors",2,2
30010,Managers in health care,0,3
31100,Specialists in clinical and laboratory medicine,1,3
31101,Specialists in surgery,1,3
31102,General practitioners and family physicians,1,3
31103,Veterinarians,1,3
31110,Dentists,1,3
31111,Optometrists,1,3
31112,Audiologists and speech-language pathologists,1,3
31120,Pharmacists,1,3
31121,Dietitians and nutritionists,1,3
31200,Psychologists,1,3
31201,Chiropractors,1,3
31202,Physiotherapists,1,3
31203,Occupational therapists,1,3
31204,Kinesiologists and other professional occupations in therapy and assessment,1,3
31209,Other professional occupations in health diagnosing and treating,1,3
31300,Nursing coordinators and supervisors,1,3
31301,Registered nurses and registered psychiatric nurses,1,3
31302,Nurse practitioners,1,3
31303,"Physician assistants, midwives and allied health professionals",1,3
32100,Opticians,2,3
32101,Licensed practical nurses,2,3
32102,Paramedical occupations,2,3
32103,"Respiratory therapists, clinical perfusionists and cardiopulmonary technologists",2,3
32104,Animal health technologists and veterinary technicians,2,3
32109,Other technical occupations in therapy and assessment,2,3
32110,Denturists,2,3
32111,Dental hygienists and dental therapists,2,3
32112,Dental technologists and technicians,2,3
32120,Medical laboratory technologists,2,3
32121,Medical radiation technologists,2,3
32122,Medical sonographers,2,3
32123,Cardiology technologists and electrophysiological diagnostic technologists,2,3
32124,Pharmacy technicians,2,3
32129,Other medical technologists and technicians,2,3
32200,Traditional Chinese medicine practitioners and acupuncturists,2,3
32201,Massage therapists,2,3
32209,Other practitioners of natural healing,2,3
33100,Dental assistants and dental laboratory assistants,3,3
33101,Medical laboratory assistants and related technical occupations,3,3
33102,"Nurse aides, orderlies and patient service associates",3,3
33103,Pharmacy technical assistants and pharmacy assistants,3,3
33109,Other assisting occupations in support of health services,3,3
40010,Government managers - health and social policy development and program administration,0,4
40011,"Government managers - economic analysis, policy development and program administration",0,4
40012,Government managers - education policy development and program administration,0,4
40019,Other managers in public administration,0,4
40020,Administrators - post-secondary education and vocational training,0,4
40021,School principals and administrators of elementary and secondary education,0,4
40030,"Managers in social, community and correctional services",0,4
40040,Commissioned police officers and related occupations in public protection services,0,4
40041,Fire chiefs and senior firefighting officers,0,4
40042,Commissioned officers of the Canadian Armed Forces,0,4
41100,Judges,1,4
41101,Lawyers and Quebec notaries,1,4
41200,University professors and lecturers,1,4
41201,Post-secondary teaching and research assistants,1,4
41210,College and other vocational instructors,1,4
41220,Secondary school teachers,1,4
41221,Elementary school and kindergarten teachers,1,4
41300,Social workers,1,4
41301,Therapists in counselling and related specialized therapies,1,4
41302,Religious leaders,1,4
41310,Police investigators and other investigative occupations,1,4
41311,Probation and parole officers,1,4
41320,Educational counsellors,1,4
41321,Career development practitioners and career counsellors (except education),1,4
41400,"Natural and applied science policy researchers, consultants and program officers",1,4
41401,Economists and economic policy researchers and analysts,1,4
41402,Business development officers and market researchers and analysts,1,4
41403,"Social policy researchers, consultants and program officers",1,4
41404,"Health policy researchers, consultants and program officers",1,4
41405,"Education policy researchers, consultants and program officers",1,4
41406,"Recreation, sports and fitness policy researchers, consultants and program officers",1,4
41407,Program officers unique to government,1,4
41409,Other professional occupations in social science,1,4
42100,Police officers (except commissioned),2,4
42101,Firefighters,2,4
42102,Specialized members of the Canadian Armed Forces,2,4
42200,Paralegals and related occupations,2,4
42201,Social and community service workers,2,4
42202,Early childhood educators and assistants,2,4
42203,Instructors of persons with disabilities,2,4
42204,Religion workers,2,4
43100,Elementary and secondary school teacher assistants,3,4
43109,Other instructors,3,4
43200,Sheriffs and bailiffs,3,4
43201,Correctional service officers,3,4
43202,By-law enforcement and other regulatory officers,3,4
43203,"Border services, customs, and immigration officers",3,4
43204,Operations members of the Canadian Armed Forces,3,4
44100,Home child care providers,4,4
44101,"Home support workers, caregivers and related occupations",4,4
44200,Primary combat members of the Canadian Armed Forces,4,4
45100,"Student monitors, crossing guards and related occupations",5,4
50010,"Library, archive, museum and art gallery managers",0,5
50011,"Managers - publishing, motion pictures, broadcasting and performing arts",0,5
50012,"Recreation, sports and fitness program and service directors",0,5
51100,Librarians,1,5
51101,Conservators and curators,1,5
51102,Archivists,1,5
51110,Editors,1,5
51111,Authors and writers (except technical),1,5
51112,Technical writers,1,5
51113,Journalists,1,5
51114,"Translators, terminologists and interpreters",1,5
51120,"Producers, directors, choreographers and related occupations",1,5
51121,"Conductors, composers and arrangers",1,5
51122,Musicians and singers,1,5
52100,Library and public archive technicians,2,5
52110,Film and video camera operators,2,5
52111,Graphic arts technicians,2,5
52112,Broadcast technicians,2,5
52113,Audio and video recording technicians,2,5
52114,Announcers and other broadcasters,2,5
52119,"Other technical and coordinating occupations in motion pictures, broadcasting and the performing arts",2,5
52120,Graphic designers and illustrators,2,5
52121,Interior designers and interior decorators,2,5
53100,"Registrars, restorers, interpreters and other occupations related to museum and art galleries",3,5
53110,Photographers,3,5
53111,"Motion pictures, broadcasting, photography and performing arts assistants and operators",3,5
53120,Dancers,3,5
53121,"Actors, comedians and circus performers",3,5
53122,"Painters, sculptors and other visual artists",3,5
53123,"Theatre, fashion, exhibit and other creative designers",3,5
53124,Artisans and craftspersons,3,5
53125,"Patternmakers - textile, leather and fur products",3,5
53200,Athletes,3,5
53201,Coaches,3,5
53202,Sports officials and referees,3,5
54100,"Program leaders and instructors in recreation, sport and fitness",4,5
55109,Other performers,5,5
60010,Corporate sales managers,0,6
60020,Retail and wholesale trade managers,0,6
60030,Restaurant and food service managers,0,6
60031,Accommodation service managers,0,6
60040,Managers in customer and personal services,0,6
62010,Retail sales supervisors,2,6
62020,Food service supervisors,2,6
62021,Executive housekeepers,2,6
62022,"Accommodation, travel, tourism and related services supervisors",2,6
62023,Customer and information services supervisors,2,6
62024,Cleaning supervisors,2,6
62029,Other services supervisors,2,6
62100,Technical sales specialists - wholesale trade,2,6
62101,Retail and wholesale buyers,2,6
62200,Chefs,2,6
62201,Funeral directors and embalmers,2,6
62202,"Jewellers, jewellery and watch repairers and related occupations",2,6
63100,Insurance agents and brokers,3,6
63101,Real estate agents and salespersons,3,6
63102,Financial sales representatives,3,6
63200,Cooks,3,6
63201,Butchers - retail and wholesale,3,6
63202,Bakers,3,6
63210,Hairstylists and barbers,3,6
63211,"Estheticians, electrologists and related occupations",3,6
63220,Shoe repairers and shoemakers,3,6
63221,Upholsterers,3,6
64100,Retail salespersons and visual merchandisers,4,6
64101,Sales and account representatives - wholesale trade (non-technical),4,6
64200,"Tailors, dressmakers, furriers and milliners",4,6
64201,"Image, social and other personal consultants",4,6
64300,Maîtres d'hôtel and hosts/hostesses,4,6
64301,Bartenders,4,6
64310,Travel counsellors,4,6
64311,Pursers and flight attendants,4,6
64312,Airline ticket and service agents,4,6
64313,"Ground and water transport ticket agents, cargo service representatives and related clerks",4,6
64314,Hotel front desk clerks,4,6
64320,Tour and travel guides,4,6
64321,Casino workers,4,6
64322,Outdoor sport and recreational guides,4,6
64400,Customer services representatives - financial institutions,4,6
64401,Postal services representatives,4,6
64409,Other customer and information services representatives,4,6
64410,Security guards and related security service occupations,4,6
65100,Cashiers,5,6
65101,Service station attendants,5,6
65102,"Store shelf stockers, clerks and order fillers",5,6
65109,Other sales related occupations,5,6
65200,Food and beverage servers,5,6
65201,"Food counter attendants, kitchen helpers and related support occupations",5,6
65202,Meat cutters and fishmongers - retail and wholesale,5,6
65210,"Support occupations in accommodation, travel and facilities set-up services",5,6
65211,"Operators and attendants in amusement, recreation and sport",5,6
65220,Pet groomers and animal care workers,5,6
65229,Other support occupations in personal services,5,6
65310,Light duty cleaners,5,6
65311,Specialized cleaners,5,6
65312,"Janitors, caretakers and heavy-duty cleaners",5,6
65320,"Dry cleaning, laundry and related occupations",5,6
65329,Other service support occupations,5,6
70010,Construction managers,0,7
70011,Home building and renovation managers,0,7
70012,Facility operation and maintenance managers,0,7
70020,Managers in transportation,0,7
70021,Postal and courier services managers,0,7
72010,"Contractors and supervisors, machining, metal forming, shaping and erecting trades and related occupations",2,7
72011,"Contractors and supervisors, electrical trades and telecommunications occupations",2,7
72012,"Contractors and supervisors, pipefitting trades",2,7
72013,"Contractors and supervisors, carpentry trades",2,7
72014,"Contractors and supervisors, other construction trades, installers, repairers and servicers",2,7
72020,"Contractors and supervisors, mechanic trades",2,7
72021,"Contractors and supervisors, heavy equipment operator crews",2,7
72022,"Supervisors, printing and related occupations",2,7
72023,"Supervisors, railway transport operations",2,7
72024,"Supervisors, motor transport and other ground transit operators",2,7
72025,"Supervisors, mail and message distribution occupations",2,7
72100,Machinists and machining and tooling inspectors,2,7
72101,Tool and die makers,2,7
72102,Sheet metal workers,2,7
72103,Boilermakers,2,7
72104,Structural metal and platework fabricators and fitters,2,7
72105,Ironworkers,2,7
72106,Welders and related machine operators,2,7
72200,Electricians (except industrial and power system),2,7
72201,Industrial electricians,2,7
72202,Power system electricians,2,7
72203,Electrical power line and cable workers,2,7
72204,Telecommunications line and cable installers and repairers,2,7
72205,Telecommunications equipment installation and cable television service technicians,2,7
72300,Plumbers,2,7
72301,"Steamfitters, pipefitters and sprinkler system installers",2,7
72302,Gas fitters,2,7
72310,Carpenters,2,7
72311,Cabinetmakers,2,7
72320,Bricklayers,2,7
72321,Insulators,2,7
72400,Construction millwrights and industrial mechanics,2,7
72401,Heavy-duty equipment mechanics,2,7
72402,"Heating, refrigeration and air conditioning mechanics",2,7
72403,Railway carmen/women,2,7
72404,Aircraft mechanics and aircraft inspectors,2,7
72405,Machine fitters,2,7
72406,Elevator constructors and mechanics,2,7
72410,"Automotive service technicians, truck and bus mechanics and mechanical repairers",2,7
72411,"Auto body collision, refinishing and glass technicians and damage repair estimators",2,7
72420,Oil and solid fuel heating mechanics,2,7
72421,Appliance servicers and repairers,2,7
72422,Electrical mechanics,2,7
72423,"Motorcycle, all-terrain vehicle and other related mechanics",2,7
72429,Other small engine and small equipment repairers,2,7
72500,Crane operators,2,7
72501,Water well drillers,2,7
72600,"Air pilots, flight engineers and flying instructors",2,7
72601,Air traffic controllers and related occupations,2,7
72602,"Deck officers, water transport",2,7
72603,"Engineer officers, water transport",2,7
72604,Railway traffic controllers and marine traffic regulators,2,7
72999,Other technical trades and related occupations,2,7
73100,Concrete finishers,3,7
73101,Tilesetters,3,7
73102,"Plasterers, drywall installers and finishers and lathers",3,7
73110,Roofers and shinglers,3,7
73111,Glaziers,3,7
73112,Painters and decorators (except interior decorators),3,7
73113,Floor covering installers,3,7
73200,Residential and commercial installers and servicers,3,7
73201,General building maintenance workers and building superintendents,3,7
73202,Pest controllers and fumigators,3,7
73209,Other repairers and servicers,3,7
73300,Transport truck drivers,3,7
73301,"Bus drivers, subway operators and other transit operators",3,7
73310,Railway and yard locomotive engineers,3,7
73311,Railway conductors and brakemen/women,3,7
73400,Heavy equipment operators,3,7
73401,Printing press operators,3,7
73402,"Drillers and blasters - surface mining, quarrying and construction",3,7
74100,Mail and parcel sorters and related occupations,4,7
74101,Letter carriers,4,7
74102,Couriers and messengers,4,7
74200,Railway yard and track maintenance workers,4,7
74201,Water transport deck and engine room crew,4,7
74202,Air transport ramp attendants,4,7
74203,Automotive and heavy truck and equipment parts installers and servicers,4,7
74204,Utility maintenance workers,4,7
74205,Public works maintenance equipment operators and related workers,4,7
75100,Longshore workers,5,7
75101,Material handlers,5,7
75110,Construction trades helpers and labourers,5,7
75119,Other trades helpers and labourers,5,7
75200,Taxi and limousine drivers and chauffeurs,5,7
75201,Delivery service drivers and door-to-door distributors,5,7
75210,Boat and cable ferry operators and related occupations,5,7
75211,Railway and motor transport labourers,5,7
75212,Public works and maintenance labourers,5,7
80010,Managers in natural resources production and fishing,0,8
80020,Managers in agriculture,0,8
80021,Managers in horticulture,0,8
80022,Managers in aquaculture,0,8
82010,"Supervisors, logging and forestry",2,8
82020,"Supervisors, mining and quarrying",2,8
82021,"Contractors and supervisors, oil and gas drilling and services",2,8
82030,Agricultural service contractors and farm supervisors,2,8
82031,"Contractors and supervisors, landscaping, grounds maintenance and horticulture services",2,8
83100,Underground production and development miners,3,8
83101,"Oil and gas well drillers, servicers, testers and related workers",3,8
83110,Logging machinery operators,3,8
83120,Fishing masters and officers,3,8
83121,Fishermen/women,3,8
84100,Underground mine service and support workers,4,8
84101,Oil and gas well drilling and related workers and services operators,4,8
84110,Chain saw and skidder operators,4,8
84111,Silviculture and forestry workers,4,8
84120,Specialized livestock workers and farm machinery operators,4,8
84121,Fishing vessel deckhands,4,8
85100,Livestock labourers,5,8
85101,Harvesting labourers,5,8
85102,Aquaculture and marine harvest labourers,5,8
85103,Nursery and greenhouse labourers,5,8
85104,Trappers and hunters,5,8
85110,Mine labourers,5,8
85111,"Oil and gas drilling, servicing and related labourers",5,8
85120,Logging and forestry labourers,5,8
85121,Landscaping and grounds maintenance labourers,5,8
90010,Manufacturing managers,0,9
90011,Utilities managers,0,9
92010,"Supervisors, mineral and metal processing",2,9
92011,"Supervisors, petroleum, gas and chemical processing and utilities",2,9
92012,"Supervisors, food and beverage processing",2,9
92013,"Supervisors, plastic and rubber products manufacturing",2,9
92014,"Supervisors, forest products processing",2,9
92015,"Supervisors, textile, fabric, fur and leather products processing and manufacturing",2,9
92020,"Supervisors, motor vehicle assembling",2,9
92021,"Supervisors, electronics and electrical products manufacturing",2,9
92022,"Supervisors, furniture and fixtures manufacturing",2,9
92023,"Supervisors, other mechanical and metal products manufacturing",2,9
92024,"Supervisors, other products manufacturing and assembly",2,9
92100,Power engineers and power systems operators,2,9
92101,Water and waste treatment plant operators,2,9
93100,"Central control and process operators, mineral and metal processing",3,9
93101,"Central control and process operators, petroleum, gas and chemical processing",3,9
93102,"Pulping, papermaking and coating control operators",3,9
93200,Aircraft assemblers and aircraft assembly inspectors,3,9
94100,"Machine operators, mineral and metal processing",4,9
94101,Foundry workers,4,9
94102,Glass forming and finishing machine operators and glass cutters,4,9
94103,"Concrete, clay and stone forming operators",4,9
94104,"Inspectors and testers, mineral and metal processing",4,9
94105,Metalworking and forging machine operators,4,9
94106,Machining tool operators,4,9
94107,Machine operators of other metal products,4,9
94110,Chemical plant machine operators,4,9
94111,Plastics processing machine operators,4,9
94112,Rubber processing machine operators and related workers,4,9
94120,Sawmill machine operators,4,9
94121,"Pulp mill, papermaking and finishing machine operators",4,9
94122,Paper converting machine operators,4,9
94123,Lumber graders and other wood processing inspectors and graders,4,9
94124,Woodworking machine operators,4,9
94129,Other wood processing machine operators,4,9
94130,"Textile fibre and yarn, hide and pelt processing machine operators and workers",4,9
94131,"Weavers, knitters and other fabric making occupations",4,9
94132,Industrial sewing machine operators,4,9
94133,"Inspectors and graders, textile, fabric, fur and leather products manufacturing",4,9
94140,"Process control and machine operators, food and beverage processing",4,9
94141,"Industrial butchers and meat cutters, poultry preparers and related workers",4,9
94142,Fish and seafood plant workers,4,9
94143,"Testers and graders, food and beverage processing",4,9
94150,Plateless printing equipment operators,4,9
94151,"Camera, platemaking and other prepress occupations",4,9
94152,Binding and finishing machine operators,4,9
94153,Photographic and film processors,4,9
94200,"Motor vehicle assemblers, inspectors and testers",4,9
94201,"Electronics assemblers, fabricators, inspectors and testers",4,9
94202,"Assemblers and inspectors, electrical appliance, apparatus and equipment manufacturing",4,9
94203,"Assemblers, fabricators and inspectors, industrial electrical motors and transformers",4,9
94204,Mechanical assemblers and inspectors,4,9
94205,"Machine operators and inspectors, electrical apparatus manufacturing",4,9
94210,"Furniture and fixture assemblers, finishers, refinishers and inspectors",4,9
94211,Assemblers and inspectors of other wood products,4,9
94212,"Plastic products assemblers, finishers and inspectors",4,9
94213,"Industrial painters, coaters and metal finishing process operators",4,9
94219,"Other products assemblers, finishers and inspectors",4,9
95100,Labourers in mineral and metal processing,5,9
95101,Labourers in metal fabrication,5,9
95102,Labourers in chemical products processing and utilities,5,9
95103,"Labourers in wood, pulp and paper processing",5,9
95104,Labourers in rubber and plastic products manufacturing,5,9
95105,Labourers in textile processing and cutting,5,9
95106,Labourers in food and beverage processing,5,9
95107,Labourers in fish and seafood processing,5,9
95109,"Other labourers in processing, manufacturing and utilities",5,9
`;
