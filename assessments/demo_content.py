"""Default self-assessment instrument of the Creative Cities Academy.

The questionnaire follows the EU Entrepreneurship Competence Framework (EntreComp, JRC
2016, Bacigalupo et al., EUR 27939): 3 areas, 15 competences and 3 positively worded
"I can ..." items per competence, written for people of the creative industries
(designers, architects, musicians, film makers, craft studios, freelancers, publishers,
game developers, cultural heritage workers). Every item is answered on a 5-point can-do
scale with every point labelled, plus "not relevant / don't know" (value None).

Slovenian competence names follow the official Slovenian translation of EntreComp. All
texts are given in Slovenian ("sl") and English ("en"); both say the same thing. This
module holds data only.
"""

INSTRUMENT = {
    "title": {
        "sl": "Samoocena podjetnosti",
        "en": "Entrepreneurial self-assessment",
    },
    "introduction": {
        "sl": (
            "Ta samoocena vam pomaga razmisliti o svojih podjetniških znanjih po "
            "15 kompetencah evropskega okvira EntreComp. Kot poudarjajo avtorji "
            "okvira, je pripomoček za razmislek, ne ocena. Izpolnjevanje traja "
            "približno 10 minut in odgovori se sproti shranjujejo. Če trditev ne "
            "ustreza vašemu delu, je odgovor »Ne velja zame / ne vem« povsem v redu."
        ),
        "en": (
            "This self-assessment helps you reflect on your entrepreneurial skills, "
            "using the 15 competences of the European EntreComp framework. As the "
            "framework's authors stress, it is a reflection aid, not a grade. It "
            "takes about 10 minutes, and your answers are saved as you go. If a "
            "statement does not fit your work, “Not relevant / don't know” is a "
            "perfectly good answer."
        ),
    },
    "scale": [
        {"value": 1, "label": {"sl": "Še ne", "en": "Not yet"}},
        {"value": 2, "label": {"sl": "S podporo", "en": "With support"}},
        {"value": 3, "label": {"sl": "Samostojno", "en": "On my own"}},
        {
            "value": 4,
            "label": {"sl": "Prevzemam odgovornost", "en": "Taking responsibility"},
        },
        {
            "value": 5,
            "label": {
                "sl": "Vodim spremembe v svoji stroki",
                "en": "Leading change in my field",
            },
        },
        {
            "value": None,
            "label": {
                "sl": "Ne velja zame / ne vem",
                "en": "Not relevant / don't know",
            },
        },
    ],
    "areas": [
        {
            "code": "ideas_opportunities",
            "name": {"sl": "Ideje in priložnosti", "en": "Ideas and opportunities"},
            "competences": [
                {
                    "code": "spotting_opportunities",
                    "name": {
                        "sl": "Prepoznavanje priložnosti",
                        "en": "Spotting opportunities",
                    },
                    "description": {
                        "sl": (
                            "Opaziti potrebe, vrzeli in spremembe v svojem okolju, "
                            "kjer lahko s svojim ustvarjalnim znanjem ustvarite "
                            "vrednost za druge."
                        ),
                        "en": (
                            "Noticing needs, gaps and changes around you where your "
                            "creative skills can create value for others."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Znam prepoznati težavo ljudi v svojem okolju, ki jo "
                                "lahko pomaga rešiti moje ustvarjalno znanje."
                            ),
                            "en": (
                                "I can spot a problem that people around me have and "
                                "that my creative skills can help solve."
                            ),
                        },
                        {
                            "sl": "Znam poiskati razpise, ki ustrezajo mojemu delu.",
                            "en": "I can find open calls that suit my work.",
                        },
                        {
                            "sl": (
                                "Znam prepoznati, kako mi sprememba v stroki, na "
                                "primer nova tehnologija, odpira možnosti za novo delo."
                            ),
                            "en": (
                                "I can see how a change in my field, such as a new "
                                "technology, opens up new work for me."
                            ),
                        },
                    ],
                },
                {
                    "code": "creativity",
                    "name": {"sl": "Ustvarjalnost", "en": "Creativity"},
                    "description": {
                        "sl": (
                            "Razvijati nove zamisli in rešitve, ki presegajo ustaljene "
                            "poti in prinašajo vrednost drugim."
                        ),
                        "en": (
                            "Developing new ideas and solutions that go beyond the "
                            "usual ways and bring value to others."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Za isto naročilo znam razviti več različnih zamisli."
                            ),
                            "en": (
                                "I can develop several different ideas for the same "
                                "brief."
                            ),
                        },
                        {
                            "sl": (
                                "Zamisli z drugega področja znam povezati s svojim "
                                "delom v nekaj novega."
                            ),
                            "en": (
                                "I can combine ideas from another field with my own "
                                "work to create something new."
                            ),
                        },
                        {
                            "sl": (
                                "Grobo zamisel znam preliti v prvo različico, ki jo "
                                "lahko drugi preizkusijo."
                            ),
                            "en": (
                                "I can turn a rough idea into a first version that "
                                "others can try out."
                            ),
                        },
                    ],
                },
                {
                    "code": "vision",
                    "name": {"sl": "Vizija", "en": "Vision"},
                    "description": {
                        "sl": (
                            "Predstavljati si, kam želite s svojim ustvarjalnim delom "
                            "priti, in s to predstavo usmerjati svoje odločitve."
                        ),
                        "en": (
                            "Picturing where you want to take your creative work and "
                            "letting that picture guide your decisions."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Znam opisati, kje želim biti s svojim ustvarjalnim "
                                "delom čez tri leta."
                            ),
                            "en": (
                                "I can describe where I want my creative work to be "
                                "in three years."
                            ),
                        },
                        {
                            "sl": (
                                "Znam pojasniti, kaj želim s svojim delom spremeniti "
                                "za ljudi, ki jim je namenjeno."
                            ),
                            "en": (
                                "I can explain what difference I want my work to make "
                                "for the people it is made for."
                            ),
                        },
                        {
                            "sl": (
                                "Glede na to, kam želim usmeriti svoje delo, znam "
                                "izbrati, katere projekte sprejmem."
                            ),
                            "en": (
                                "I can choose which projects to take on based on where "
                                "I want my work to go."
                            ),
                        },
                    ],
                },
                {
                    "code": "valuing_ideas",
                    "name": {"sl": "Vrednotenje idej", "en": "Valuing ideas"},
                    "description": {
                        "sl": (
                            "Presoditi, kakšno kulturno, družbeno ali finančno "
                            "vrednost ima zamisel za druge, in jo ustrezno zaščititi."
                        ),
                        "en": (
                            "Judging what cultural, social or financial value an idea "
                            "has for others, and protecting it properly."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Naročniku znam pojasniti, kakšno vrednost mu prinaša "
                                "moje delo."
                            ),
                            "en": (
                                "I can explain to a client what value my work brings "
                                "them."
                            ),
                        },
                        {
                            "sl": (
                                "Med svojimi zamislimi znam izbrati tisto, ki jo je "
                                "vredno razvijati naprej."
                            ),
                            "en": (
                                "I can pick out which of my ideas is worth developing "
                                "further."
                            ),
                        },
                        {
                            "sl": (
                                "Z naročnikom se znam pisno dogovoriti, kako sme "
                                "uporabljati moje delo."
                            ),
                            "en": (
                                "I can agree in writing with a client how they may use "
                                "my work."
                            ),
                        },
                    ],
                },
                {
                    "code": "ethical_sustainable_thinking",
                    "name": {
                        "sl": "Etično in trajnostno razmišljanje",
                        "en": "Ethical and sustainable thinking",
                    },
                    "description": {
                        "sl": (
                            "Upoštevati posledice svojih zamisli in dela za ljudi, "
                            "skupnost in okolje ter ravnati odgovorno."
                        ),
                        "en": (
                            "Considering what your ideas and work mean for people, "
                            "communities and the environment, and acting responsibly."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Pri izbiri materialov za projekt znam upoštevati "
                                "njihov vpliv na okolje."
                            ),
                            "en": (
                                "I can choose materials for a project with their "
                                "impact on the environment in mind."
                            ),
                        },
                        {
                            "sl": (
                                "Preden sprejmem naročilo, znam presoditi, ali je v "
                                "skladu z mojimi vrednotami."
                            ),
                            "en": (
                                "I can judge whether a commission fits my values "
                                "before I accept it."
                            ),
                        },
                        {
                            "sl": (
                                "Znam pošteno navesti vse, ki so prispevali k mojemu "
                                "delu."
                            ),
                            "en": (
                                "I can give fair credit to everyone who contributed to "
                                "my work."
                            ),
                        },
                    ],
                },
            ],
        },
        {
            "code": "resources",
            "name": {"sl": "Viri", "en": "Resources"},
            "competences": [
                {
                    "code": "self_awareness",
                    "name": {
                        "sl": "Samozavedanje in samoučinkovitost",
                        "en": "Self-awareness and self-efficacy",
                    },
                    "description": {
                        "sl": (
                            "Poznati svoje močne strani in tisto, kar želite še "
                            "razviti, ter zaupati, da s svojim delom lahko dosežete "
                            "zastavljene cilje."
                        ),
                        "en": (
                            "Knowing your strengths and what you still want to "
                            "develop, and trusting that your work can reach the goals "
                            "you set."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Znam poimenovati tri močne strani, po katerih izstopa "
                                "moje delo."
                            ),
                            "en": (
                                "I can name three strengths that make my work stand "
                                "out."
                            ),
                        },
                        {
                            "sl": (
                                "Znam določiti, katero veščino želim razviti naslednjo."
                            ),
                            "en": "I can name the next skill I want to develop.",
                        },
                        {
                            "sl": (
                                "Svoje delo znam samozavestno predstaviti novemu "
                                "naročniku."
                            ),
                            "en": (
                                "I can present my work with confidence to a new client."
                            ),
                        },
                    ],
                },
                {
                    "code": "motivation_perseverance",
                    "name": {
                        "sl": "Motivacija in vztrajnost",
                        "en": "Motivation and perseverance",
                    },
                    "description": {
                        "sl": (
                            "Ohranjati zagon, ki izhaja iz tistega, kar vam je "
                            "pomembno, in vztrajati, ko projekt postane zahteven."
                        ),
                        "en": (
                            "Staying driven by what matters to you and keeping going "
                            "when a project gets hard."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Zmorem vztrajati pri dolgem projektu, tudi ko prvi "
                                "rezultati prihajajo počasi."
                            ),
                            "en": (
                                "I can keep working on a long project when the first "
                                "results come slowly."
                            ),
                        },
                        {
                            "sl": (
                                "Zmorem nadaljevati z delom tudi potem, ko je moje "
                                "delo zavrnjeno."
                            ),
                            "en": (
                                "I can keep going after my work has been turned down."
                            ),
                        },
                        {
                            "sl": (
                                "Ko mi zmanjka zagona, se znam spomniti, zakaj mi je "
                                "moje delo pomembno."
                            ),
                            "en": (
                                "I can remind myself why my work matters to me when my "
                                "energy drops."
                            ),
                        },
                    ],
                },
                {
                    "code": "mobilising_resources",
                    "name": {
                        "sl": "Mobilizacija virov",
                        "en": "Mobilising resources",
                    },
                    "description": {
                        "sl": (
                            "Pridobiti in pametno uporabiti opremo, prostor, znanje in "
                            "čas, ki jih potrebujejo vaše zamisli."
                        ),
                        "en": (
                            "Getting and making good use of the equipment, space, "
                            "skills and time your ideas need."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Preden začnem projekt, znam našteti vire, ki jih zanj "
                                "potrebujem, na primer opremo, prostor in znanja."
                            ),
                            "en": (
                                "Before I start a project, I can list the resources it "
                                "needs, such as equipment, space and skills."
                            ),
                        },
                        {
                            "sl": (
                                "Do opreme, ki jo potrebujem, znam priti tako, da si "
                                "jo delim z drugimi ustvarjalci."
                            ),
                            "en": (
                                "I can get access to the equipment I need by sharing "
                                "it with other creators."
                            ),
                        },
                        {
                            "sl": (
                                "Svoj delovni čas znam razdeliti med plačana naročila "
                                "in lastne projekte."
                            ),
                            "en": (
                                "I can divide my working time between paid commissions "
                                "and my own projects."
                            ),
                        },
                    ],
                },
                {
                    "code": "financial_literacy",
                    "name": {
                        "sl": "Finančna in ekonomska pismenost",
                        "en": "Financial and economic literacy",
                    },
                    "description": {
                        "sl": (
                            "Razumeti finančno plat ustvarjalnega dela: stroške, cene, "
                            "prihodke in financiranje."
                        ),
                        "en": (
                            "Understanding the money side of creative work: costs, "
                            "prices, income and funding."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Za svoje delo znam določiti ceno, ki pokrije moje "
                                "stroške in čas."
                            ),
                            "en": (
                                "I can set a price for my work that covers my costs "
                                "and time."
                            ),
                        },
                        {
                            "sl": (
                                "Znam voditi mesečni pregled svojih prihodkov in "
                                "odhodkov."
                            ),
                            "en": (
                                "I can keep a monthly overview of my income and "
                                "expenses."
                            ),
                        },
                        {
                            "sl": (
                                "Za prijavo na razpis znam pripraviti preprost "
                                "finančni načrt projekta."
                            ),
                            "en": (
                                "I can prepare a simple project budget for a funding "
                                "application."
                            ),
                        },
                    ],
                },
                {
                    "code": "mobilising_others",
                    "name": {"sl": "Mobilizacija drugih", "en": "Mobilising others"},
                    "description": {
                        "sl": (
                            "Navdušiti in prepričati naročnike, financerje, občinstvo "
                            "in sodelavce, da podprejo vašo zamisel."
                        ),
                        "en": (
                            "Inspiring and persuading clients, funders, audiences and "
                            "collaborators to get behind your idea."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Svoj projekt znam v dveh minutah predstaviti tako, da "
                                "pritegne zanimanje."
                            ),
                            "en": (
                                "I can present my project in two minutes in a way "
                                "that catches people's interest."
                            ),
                        },
                        {
                            "sl": (
                                "Znam prepričati lokalno podjetje, da podpre moj "
                                "projekt."
                            ),
                            "en": (
                                "I can persuade a local business to support my project."
                            ),
                        },
                        {
                            "sl": (
                                "Znam uporabiti družbena omrežja, da pridobim "
                                "občinstvo za svoje delo."
                            ),
                            "en": (
                                "I can use social media to build an audience for my "
                                "work."
                            ),
                        },
                    ],
                },
            ],
        },
        {
            "code": "into_action",
            "name": {"sl": "Na delo", "en": "Into action"},
            "competences": [
                {
                    "code": "taking_initiative",
                    "name": {
                        "sl": "Prevzemanje pobude",
                        "en": "Taking the initiative",
                    },
                    "description": {
                        "sl": (
                            "Sami začeti stvari in se lotiti izzivov, namesto da "
                            "čakate na pravo priložnost."
                        ),
                        "en": (
                            "Starting things yourself and taking on challenges instead "
                            "of waiting for the right moment."
                        ),
                    },
                    "items": [
                        {
                            "sl": "Na lastno pobudo zmorem začeti nov projekt.",
                            "en": "I can start a new project on my own initiative.",
                        },
                        {
                            "sl": (
                                "Zmorem navezati stik s potencialnim naročnikom, s "
                                "katerim si želim sodelovati."
                            ),
                            "en": (
                                "I can get in touch with a potential client I would "
                                "like to work with."
                            ),
                        },
                        {
                            "sl": (
                                "V skupinskem projektu zmorem prevzeti vodenje ene od "
                                "nalog."
                            ),
                            "en": "I can take the lead on a task in a group project.",
                        },
                    ],
                },
                {
                    "code": "planning_management",
                    "name": {
                        "sl": "Načrtovanje in upravljanje",
                        "en": "Planning and management",
                    },
                    "description": {
                        "sl": (
                            "Postaviti cilje, načrtovati korake in projekt voditi vse "
                            "do izvedbe."
                        ),
                        "en": (
                            "Setting goals, planning the steps and steering a project "
                            "all the way to delivery."
                        ),
                    },
                    "items": [
                        {
                            "sl": "Projekt znam razdeliti na korake z roki.",
                            "en": (
                                "I can break a project down into steps with deadlines."
                            ),
                        },
                        {
                            "sl": (
                                "Znam oceniti, koliko časa mi bo vzelo posamezno delo."
                            ),
                            "en": (
                                "I can estimate how long a piece of work will take me."
                            ),
                        },
                        {
                            "sl": "Zmorem hkrati voditi več projektov.",
                            "en": "I can manage several projects at the same time.",
                        },
                    ],
                },
                {
                    "code": "coping_with_uncertainty",
                    "name": {
                        "sl": "Obvladovanje negotovosti, dvoumnosti in tveganja",
                        "en": "Coping with uncertainty, ambiguity and risk",
                    },
                    "description": {
                        "sl": (
                            "Sprejemati odločitve, ko je izid negotov, so informacije "
                            "nepopolne in obstaja tveganje neuspeha."
                        ),
                        "en": (
                            "Making decisions when the outcome is uncertain, "
                            "information is incomplete and there is a risk of failure."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Odločitev o projektu zmorem sprejeti tudi takrat, ko "
                                "nekateri podatki manjkajo."
                            ),
                            "en": (
                                "I can make a decision about a project even when some "
                                "information is missing."
                            ),
                        },
                        {
                            "sl": (
                                "Preden vanjo vložim veliko denarja, znam zamisel "
                                "preizkusiti v majhnem obsegu."
                            ),
                            "en": (
                                "I can test an idea on a small scale before I invest "
                                "a lot of money in it."
                            ),
                        },
                        {
                            "sl": (
                                "Zmorem ohraniti mirno kri, ko je naslednje naročilo "
                                "še negotovo."
                            ),
                            "en": (
                                "I can stay calm when my next commission is still "
                                "uncertain."
                            ),
                        },
                    ],
                },
                {
                    "code": "working_with_others",
                    "name": {"sl": "Delo z drugimi", "en": "Working with others"},
                    "description": {
                        "sl": (
                            "Sodelovati z ljudmi različnih strok in ozadij ter skupaj "
                            "z njimi uresničevati zamisli."
                        ),
                        "en": (
                            "Collaborating with people of different disciplines and "
                            "backgrounds to turn ideas into action together."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Pri skupnem projektu znam sodelovati z ljudmi iz "
                                "drugih strok."
                            ),
                            "en": (
                                "I can work on a shared project with people from other "
                                "disciplines."
                            ),
                        },
                        {
                            "sl": (
                                "S sodelavci se znam dogovoriti, kdo bo kaj naredil "
                                "pri projektu."
                            ),
                            "en": (
                                "I can agree with collaborators on who does what in a "
                                "project."
                            ),
                        },
                        {
                            "sl": "Nesoglasje s sodelavcem znam razrešiti s pogovorom.",
                            "en": (
                                "I can resolve a disagreement with a collaborator by "
                                "talking it through."
                            ),
                        },
                    ],
                },
                {
                    "code": "learning_through_experience",
                    "name": {
                        "sl": "Učenje z izkušnjami",
                        "en": "Learning through experience",
                    },
                    "description": {
                        "sl": (
                            "Razmisliti, kaj se je pri vaših projektih obneslo, se "
                            "učiti tudi iz napak in naslednjič narediti bolje."
                        ),
                        "en": (
                            "Reflecting on what worked in your projects, learning from "
                            "mistakes too, and doing better next time."
                        ),
                    },
                    "items": [
                        {
                            "sl": (
                                "Po koncu projekta znam določiti, kaj je treba "
                                "naslednjič narediti drugače."
                            ),
                            "en": (
                                "After a project ends, I can say what to do "
                                "differently next time."
                            ),
                        },
                        {
                            "sl": "Iz napake znam izluščiti nauk za prihodnje delo.",
                            "en": (
                                "I can turn a mistake into a lesson for my future work."
                            ),
                        },
                        {
                            "sl": (
                                "Naročnika znam prositi za povratno informacijo, ki mi "
                                "pomaga izboljšati delo."
                            ),
                            "en": (
                                "I can ask a client for feedback that helps me improve "
                                "my work."
                            ),
                        },
                    ],
                },
            ],
        },
    ],
}
