"""Demo course for Creative Cities Academy: "Business models for creative practice"
("Poslovni modeli za ustvarjalno prakso"), in Slovenian and English. Plain data only."""

DEMO_COURSE = {
    "slug": {
        "sl": "poslovni-modeli-za-ustvarjalno-prakso",
        "en": "business-models-for-creative-practice",
    },
    "title": {
        "sl": "Poslovni modeli za ustvarjalno prakso",
        "en": "Business models for creative practice",
    },
    "summary": {
        "sl": (
            "Kako se preživljati z ustvarjalnim delom: za kaj naročniki v resnici "
            "plačajo, kako določiti ceno in zaščititi svoje delo, kdo ga kupuje in "
            "kako financirati naslednji projekt. Za oblikovalce, arhitekte, "
            "glasbenike, filmske ustvarjalce in obrtne studie."
        ),
        "en": (
            "How to make a living from creative work: what clients really pay for, how "
            "to price and protect your work, who buys it and how to fund the next "
            "project. Written for designers, architects, musicians, film makers and "
            "craft studios."
        ),
    },
    "outcomes": {
        "sl": [
            (
                "Opisati, za kaj vam naročniki v resnici plačajo, in to strniti v "
                "jasno ponudbo vrednosti."
            ),
            (
                "Iz svojih stroškov in delovnega časa izračunati dnevno postavko ter "
                "presoditi, kdaj je bolje ceno določiti po vrednosti."
            ),
            (
                "Prepoznati svoje segmente kupcev in izbrati prodajne poti do njih, "
                "vključno s sodelovanjem s proizvajalci."
            ),
            (
                "Pojasniti, katere pravice imate na svojem delu, kaj lahko licencirate "
                "in kdaj se splača registrirati model ali znamko."
            ),
            (
                "Iz razpisov, predprodaje in predplačil sestaviti načrt financiranja "
                "ter svojo prakso povzeti v poslovnem modelu na eni strani."
            ),
        ],
        "en": [
            (
                "Describe what your clients actually pay for and turn it into one "
                "clear value proposition."
            ),
            (
                "Calculate a day rate from your costs and working time, and judge when "
                "to price by value instead."
            ),
            (
                "Identify your customer segments and choose the channels that reach "
                "them, including work with manufacturers."
            ),
            (
                "Explain which rights you hold in your work, what you can license and "
                "when it is worth registering a design or trade mark."
            ),
            (
                "Combine grants, pre-sales and client advances into a funding plan, "
                "and sum up your practice in a one-page business model."
            ),
        ],
    },
    "level": "foundation",
    "competences": [
        "valuing_ideas",
        "financial_literacy",
        "mobilising_resources",
        "spotting_opportunities",
        "planning_management",
    ],
    "trainer": {
        "name": "Petra Zorman Golob",
        "bio": {
            "sl": (
                "Petra Zorman Golob je industrijska oblikovalka, ki je dvanajst let "
                "vodila majhen studio za oblikovanje izdelkov v Ljubljani in "
                "sodelovala s proizvajalci pohištva in svetil v Sloveniji in Italiji. "
                "Od leta 2016 kot mentorica pomaga oblikovalcem, arhitektom in "
                "glasbenikom, ki se podajajo na samostojno pot, predvsem pri določanju "
                "cen, pogodbah in financiranju. Poučuje tako, kot se je sama naučila: "
                "ob resničnih ponudbah, pogodbah in napakah."
            ),
            "en": (
                "Petra Zorman Golob is an industrial designer who ran a small product "
                "design studio in Ljubljana for twelve years, working with furniture "
                "and lighting manufacturers in Slovenia and Italy. Since 2016 she has "
                "mentored designers, architects and musicians setting up on their own, "
                "mostly on pricing, contracts and funding. She teaches the way she "
                "learnt: from real quotes, real contracts and real mistakes."
            ),
        },
    },
    "modules": [
        {
            "slug": {
                "sl": "vrednost-in-cena",
                "en": "value-and-price",
            },
            "title": {
                "sl": "Vrednost in cena",
                "en": "Value and price",
            },
            "summary": {
                "sl": (
                    "Kaj naročniki v resnici kupijo od vas, kako stroške in čas "
                    "pretvoriti v ceno in kako jo ubraniti v pogajanjih."
                ),
                "en": (
                    "What clients really buy from you, how to turn your costs and time "
                    "into a price, and how to hold on to it in negotiation."
                ),
            },
            "lessons": [
                {
                    "slug": {
                        "sl": "za-kaj-narocniki-placajo",
                        "en": "what-clients-pay-for",
                    },
                    "title": {
                        "sl": "Za kaj naročniki v resnici plačajo",
                        "en": "What clients actually pay for",
                    },
                    "minutes": 20,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Predmet je le redko bistvo",
                                "en": "The object is rarely the point",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Večina ustvarjalcev opisuje svoje delo s tem, "
                                    "kar naredi: logotip, komplet skled, prizidek k "
                                    "hiši, koncertni nastop, 50-minutni dokumentarec. "
                                    "Naročniki ga opisujejo s tem, kar zanje naredi. "
                                    "Lastnica kavarne ne kupi dvanajstih ročno vrtenih "
                                    "skodelic, temveč pult, ki ni videti kot vsi "
                                    "drugi, in zgodbo, ki jo osebje lahko pove gostom. "
                                    "Družina ne kupi 180 ur arhitektovega časa, temveč "
                                    "gotovost, da bo prizidek dobil gradbeno "
                                    "dovoljenje, ostal v okviru proračuna in da bo v "
                                    "kuhinji še vedno dovolj svetlobe.</p>"
                                    "<p>V razkoraku med tema opisoma se začne večina "
                                    "težav s cenami. Če prodajate ure ali predmete, "
                                    "vas naročniki primerjajo s tistim, ki ponuja "
                                    "cenejše ure ali predmete. Če prodajate rezultat, "
                                    "vas primerjajo s tem, koliko bi jih stalo, če "
                                    "tega rezultata ne bi dobili.</p>"
                                    "<h3>Tri plasti vrednosti</h3>"
                                    "<p>Pri skoraj vsakem ustvarjalnem naročilu lahko "
                                    "ločite tri plasti:</p>"
                                    "<ul>"
                                    "<li><b>Funkcionalna:</b> delo je opravljeno – "
                                    "naslovnica je pripravljena za tisk, stol prenese "
                                    "120 kg, skladba je zmiksana za radio.</li>"
                                    "<li><b>Ekonomska:</b> naročnik zasluži ali "
                                    "prihrani – nova embalaža se bolje prodaja, jasen "
                                    "tloris prepreči drago spremembo na gradbišču, "
                                    "prizorišče proda več vstopnic, ker skupina "
                                    "pripelje svojo publiko.</li>"
                                    "<li><b>Čustvena in družbena:</b> naročnik se "
                                    "počuti samozavestno, ponosno ali drugačno – "
                                    "restavracija postane kraj, ki ga gostje "
                                    "fotografirajo, podjetje ima končno podobo, ki "
                                    "ustreza njegovim ambicijam.</li>"
                                    "</ul>"
                                    "<p>Naročniki govorijo o prvi plasti, odločajo pa "
                                    "se na podlagi druge in tretje. Vaša naloga na "
                                    "prvem sestanku je ugotoviti, katera je "
                                    "najpomembnejša prav za tega naročnika.</p>"
                                ),
                                "en": (
                                    "<p>Most creative people describe their work by "
                                    "what they make: a logo, a set of bowls, a house "
                                    "extension, a live set, a 50-minute documentary. "
                                    "Clients describe it by what it does for them. A "
                                    "café owner does not buy twelve hand-thrown cups; "
                                    "she buys a counter that looks like nobody else's "
                                    "and a story her staff can tell. A family does not "
                                    "buy 180 hours of an architect's time; they buy "
                                    "the certainty that the extension will get a "
                                    "building permit, stay on budget and still let "
                                    "light into the kitchen.</p>"
                                    "<p>The gap between these two descriptions is "
                                    "where most pricing problems start. If you sell "
                                    "hours or objects, clients compare you with "
                                    "whoever sells cheaper hours or objects. If you "
                                    "sell an outcome, they compare you with the cost "
                                    "of not getting it.</p>"
                                    "<h3>Three layers of value</h3>"
                                    "<p>In almost any creative commission you can "
                                    "separate three layers:</p>"
                                    "<ul>"
                                    "<li><b>Functional:</b> the job gets done – the "
                                    "cover is print-ready, the chair carries 120 kg, "
                                    "the track is mixed for radio.</li>"
                                    "<li><b>Economic:</b> the client earns or saves "
                                    "money – new packaging sells better, a clear floor "
                                    "plan avoids a costly change on site, a venue "
                                    "sells more tickets because the band brings its "
                                    "own audience.</li>"
                                    "<li><b>Emotional and social:</b> the client feels "
                                    "confident, proud or different – a restaurant "
                                    "becomes the place guests photograph, a company "
                                    "finally has an image that matches its "
                                    "ambitions.</li>"
                                    "</ul>"
                                    "<p>Clients talk about the first layer but decide "
                                    "on the second and third. Your job in a first "
                                    "meeting is to find out which one matters most to "
                                    "this particular client.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Leta sem prodajala »ročno izdelano keramiko«. "
                                        "Ko sem restavracije začela spraševati, kaj se "
                                        "jim razbija, kaj komentirajo gostje in koliko "
                                        "krožnikov izgubijo na mesec, sem začela "
                                        "prodajati »posodo, ki preživi profesionalno "
                                        "kuhinjo in jo gostje še vedno fotografirajo«. "
                                        "Ista glina, dvakrat večja naročila."
                                    ),
                                    "en": (
                                        "For years I sold ‘handmade ceramics’. When I "
                                        "started asking restaurants what kept "
                                        "breaking, what their guests commented on and "
                                        "how many plates they lost each month, I "
                                        "started selling ‘tableware that survives a "
                                        "professional kitchen and still gets "
                                        "photographed’. Same clay, orders twice the "
                                        "size."
                                    ),
                                },
                                "attribution": {
                                    "sl": (
                                        "Ana, keramičarka s studiem v ljubljanskem "
                                        "Trnovem"
                                    ),
                                    "en": (
                                        "Ana, ceramicist with a studio in Trnovo, "
                                        "Ljubljana"
                                    ),
                                },
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Kako zapisati ponudbo vrednosti",
                                "en": "Writing a value proposition",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Ponudba vrednosti (angl. <i>value "
                                    "proposition</i>) je en ali dva stavka, ki "
                                    "povesta, komu pomagate, pri katerem problemu in "
                                    "zakaj ravno vi in ne kdo drug. Predloga, ki "
                                    "deluje:</p>"
                                    "<p><i>[Konkretnim naročnikom], ki [potreba ali "
                                    "problem], ponujam/ponujamo [kaj delate], da "
                                    "[rezultat, ki jim je pomemben]. Za razliko od "
                                    "[običajne alternative] lahko to obljubimo, ker "
                                    "[kar vas resnično razlikuje].</i></p>"
                                    "<p>Primer majhnega arhitekturnega biroja: "
                                    "<i>Družinam, ki prenavljajo starejše hiše v "
                                    "osrednji Sloveniji in se bojijo prekoračitve "
                                    "stroškov, načrtujemo prizidke po fiksni ceni in s "
                                    "stroškovnikom, ki ga pred oddajo vloge za "
                                    "gradbeno dovoljenje preveri izvajalec, da poznajo "
                                    "pravo ceno, preden se zavežejo. Za razliko od "
                                    "birojev, ki stroške prepustijo izvajalcu, lahko "
                                    "to obljubimo, ker z istimi tremi izvajalci "
                                    "sodelujemo že osem let.</i></p>"
                                    "<p>Opazite, česa v njem ni: pridevnikov, kot so "
                                    "»kreativen«, »inovativen« ali »strasten«. "
                                    "Uporablja jih vsa konkurenca, zato naročniku ne "
                                    "povedo ničesar. Delo opravijo konkretne stvari – "
                                    "vrsta naročnika, strah, metoda, številka.</p>"
                                ),
                                "en": (
                                    "<p>A value proposition is one or two sentences "
                                    "that say whom you help, with what problem, and "
                                    "why you rather than the alternatives. A template "
                                    "that works:</p>"
                                    "<p><i>For [specific clients] who [need or "
                                    "problem], I/we offer [what you do], so that [the "
                                    "outcome they care about]. Unlike [the usual "
                                    "alternative], we can promise this because [what "
                                    "is genuinely different about you].</i></p>"
                                    "<p>An example from a small architecture studio: "
                                    "<i>For families renovating older houses in "
                                    "central Slovenia who fear cost overruns, we "
                                    "design extensions for a fixed fee, with a cost "
                                    "plan checked by a builder before the permit "
                                    "application, so that they know the real price "
                                    "before they commit. Unlike studios that leave "
                                    "costs to the contractor, we can promise this "
                                    "because we have worked with the same three "
                                    "builders for eight years.</i></p>"
                                    "<p>Notice what it does not contain: adjectives "
                                    "such as ‘creative’, ‘innovative’ or ‘passionate’. "
                                    "Every competitor uses them, so they tell the "
                                    "client nothing. Specifics – a type of client, a "
                                    "fear, a method, a number – do the work.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Vprašajte, ne ugibajte",
                                    "en": "Ask, don't guess",
                                },
                                "text": {
                                    "sl": (
                                        "Preden zapišete svojo ponudbo vrednosti, "
                                        "vprašajte tri nedavne naročnike, zakaj so "
                                        "izbrali vas in kaj bi se zgodilo, če vas ne "
                                        "bi. Njihove odgovore zapišite dobesedno. "
                                        "Njihov besednjak je običajno boljši od vašega "
                                        "in pogosto razkrije korist, na katero sploh "
                                        "niste pomislili."
                                    ),
                                    "en": (
                                        "Before you write your value proposition, ask "
                                        "three recent clients why they chose you and "
                                        "what would have happened if they had not. "
                                        "Write their answers down word for word. Their "
                                        "vocabulary is usually better than yours, and "
                                        "it often reveals a benefit you had never "
                                        "thought of mentioning."
                                    ),
                                },
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Vaša ponudba vrednosti",
                                    "en": "Your value proposition",
                                },
                                "prompt": {
                                    "sl": (
                                        "Izberite enega resničnega naročnika ali "
                                        "naročilo iz zadnjega leta. Opišite tri plasti "
                                        "vrednosti – funkcionalno, ekonomsko in "
                                        "čustveno –, ki ste jih zanj ustvarili. Nato "
                                        "po zgornji predlogi v največ 50 besedah "
                                        "zapišite svojo ponudbo vrednosti. Na koncu "
                                        "poiščite vsako besedo, ki bi jo lahko "
                                        "uporabil tudi konkurent, in jo zamenjajte s "
                                        "čim konkretnim."
                                    ),
                                    "en": (
                                        "Pick one real client or commission from the "
                                        "past year. Describe the three layers of value "
                                        "– functional, economic and emotional – that "
                                        "you delivered for them. Then write your value "
                                        "proposition using the template above, in no "
                                        "more than 50 words. Finally, find every word "
                                        "a competitor could also use and replace it "
                                        "with something specific."
                                    ),
                                },
                            },
                        ),
                    ],
                },
                {
                    "slug": {
                        "sl": "dolocanje-cene",
                        "en": "pricing-your-work",
                    },
                    "title": {
                        "sl": "Kako določiti ceno svojega dela",
                        "en": "Pricing your work",
                    },
                    "minutes": 35,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Trije načini, kako priti do cene",
                                "en": "Three ways to arrive at a price",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Ceno lahko določite na tri načine, zdrava "
                                    "praksa pa uporablja vse tri:</p>"
                                    "<ul>"
                                    "<li><b>Na podlagi stroškov:</b> koliko morate "
                                    "zaračunati, da pokrijete svoje življenje, stroške "
                                    "poslovanja in čas, ki ga ne morete zaračunati. To "
                                    "je vaše dno – pod njim vas vsako naročilo naredi "
                                    "revnejše.</li>"
                                    "<li><b>Na podlagi trga:</b> koliko zaračunavajo "
                                    "primerljivi studii in samostojni ustvarjalci. To "
                                    "vam pove, česa so naročniki vajeni, ne pa, koliko "
                                    "ste vredni.</li>"
                                    "<li><b>Na podlagi vrednosti:</b> koliko je "
                                    "rezultat vreden prav temu naročniku. To je vaš "
                                    "strop, ki se od naročnika do naročnika močno "
                                    "razlikuje.</li>"
                                    "</ul>"
                                    "<p>Začnite pri dnu: večina ustvarjalcev ga ni "
                                    "nikoli izračunala, zato nevede zaračunava "
                                    "premalo.</p>"
                                ),
                                "en": (
                                    "<p>There are three common ways to set a price, "
                                    "and a healthy practice uses all three:</p>"
                                    "<ul>"
                                    "<li><b>Cost-based:</b> what you need to charge to "
                                    "cover your living, your business costs and the "
                                    "time you cannot bill. This is your floor – below "
                                    "it, every job makes you poorer.</li>"
                                    "<li><b>Market-based:</b> what comparable studios "
                                    "and freelancers charge. This tells you what "
                                    "clients are used to, not what you are worth.</li>"
                                    "<li><b>Value-based:</b> what the result is worth "
                                    "to this particular client. This is your ceiling, "
                                    "and it varies enormously from client to "
                                    "client.</li>"
                                    "</ul>"
                                    "<p>Start with the floor: most creative people "
                                    "have never calculated it, and so they undercharge "
                                    "without knowing.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Primer izračuna: dnevna postavka ilustratorke",
                                "en": "A worked example: an illustrator's day rate",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Maja je samostojna ilustratorka v Ljubljani. "
                                    "Njene letne številke:</p>"
                                    "<ol>"
                                    "<li><b>Koliko želi zaslužiti:</b> 30.000 € na "
                                    "leto pred dohodnino in prispevki za socialno "
                                    "varnost.</li>"
                                    "<li><b>Stroški poslovanja:</b> delovno mesto v "
                                    "skupnem studiu 2.400 €, programska oprema 900 €, "
                                    "računalnik in grafična tablica (3.000 €, "
                                    "razporejeno na tri leta) 1.000 €, računovodja "
                                    "1.200 €, telefon, internet in zavarovanje 900 €, "
                                    "spletna stran, tisk portfolia in en sejem 1.100 "
                                    "€. Skupaj: <b>7.500 €</b>.</li>"
                                    "<li><b>Skupaj za pokritje:</b> 30.000 € + 7.500 € "
                                    "= <b>37.500 €</b>.</li>"
                                    "<li><b>Delovni dnevi:</b> 52 tednov × 5 dni = "
                                    "260, minus 25 dni dopusta, približno 10 "
                                    "praznikov, ki padejo na delovni dan, in 5 dni "
                                    "bolezni = <b>220 dni</b>.</li>"
                                    "<li><b>Zaračunljivi dnevi:</b> administracija, "
                                    "trženje, priprava ponudb in učenje vzamejo "
                                    "približno 40 % njenega časa, zaračunati torej "
                                    "lahko le 60 %: 220 × 0,6 = <b>132 dni</b>.</li>"
                                    "<li><b>Dnevna postavka na pragu pokritja:</b> "
                                    "37.500 € ÷ 132 = <b>284 €</b>.</li>"
                                    "<li><b>Rezerva za tveganje in slabše mesece:</b> "
                                    "z 10 % pribitka dobi 312 €, kar zaokroži na "
                                    "<b>320 € na dan</b> oziroma 40 € na uro pri "
                                    "osemurnem delavniku.</li>"
                                    "</ol>"
                                    "<p>Večina ljudi v Majinem položaju bi 30.000 € "
                                    "delila z 260 dnevi in zaračunala 115 € na dan. V "
                                    "132 zaračunljivih dneh bi to prineslo 15.180 €, "
                                    "po plačilu stroškov pa bi ji ostalo približno "
                                    "7.700 € – četrtina tega, kar potrebuje.</p>"
                                ),
                                "en": (
                                    "<p>Maja is a freelance illustrator in Ljubljana. "
                                    "Her figures for a year:</p>"
                                    "<ol>"
                                    "<li><b>What she wants to earn:</b> €30,000 a year "
                                    "before income tax and social security "
                                    "contributions.</li>"
                                    "<li><b>Business overheads:</b> a desk in a shared "
                                    "studio €2,400, software €900, computer and "
                                    "drawing tablet (€3,000 spread over three years) "
                                    "€1,000, accountant €1,200, phone, internet and "
                                    "insurance €900, website, portfolio printing and "
                                    "one fair €1,100. Total: <b>€7,500</b>.</li>"
                                    "<li><b>Total to cover:</b> €30,000 + €7,500 = "
                                    "<b>€37,500</b>.</li>"
                                    "<li><b>Working days:</b> 52 weeks × 5 days = 260, "
                                    "minus 25 days of holiday, about 10 public "
                                    "holidays that fall on weekdays and 5 days of "
                                    "illness = <b>220 days</b>.</li>"
                                    "<li><b>Billable days:</b> admin, marketing, "
                                    "quotes and learning take about 40% of her time, "
                                    "so only 60% can be billed: 220 × 0.6 = <b>132 "
                                    "days</b>.</li>"
                                    "<li><b>Break-even day rate:</b> €37,500 ÷ 132 = "
                                    "<b>€284</b>.</li>"
                                    "<li><b>Margin for risk and quiet months:</b> "
                                    "adding 10% gives €312, which she rounds up to "
                                    "<b>€320 a day</b>, or €40 an hour for an "
                                    "eight-hour day.</li>"
                                    "</ol>"
                                    "<p>Most people in Maja's position would divide "
                                    "€30,000 by 260 days and charge €115 a day. Over "
                                    "132 billable days that brings in €15,180; after "
                                    "overheads she would keep about €7,700 – a quarter "
                                    "of what she needs.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Od dnevne postavke do ponudbe – in naprej",
                                "en": "From day rate to quote – and beyond",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Za knjižno naslovnico Maja oceni dva dneva in "
                                    "pol dela: branje rokopisa, skice, en krog "
                                    "popravkov, končna ilustracija. Pri 320 € na dan "
                                    "je to 800 € – cena njenega časa. Ista podoba pa "
                                    "je lahko različnim naročnikom vredna zelo "
                                    "različno. Majhna založba, ki natisne 2.000 "
                                    "izvodov za slovenski trg, in prehranska blagovna "
                                    "znamka, ki bo ilustracijo uporabila na embalaži v "
                                    "petih državah, ne kupujeta istega. Določanje cene "
                                    "po vrednosti pomeni, da ločeno zaračunate "
                                    "<b>licenčnino</b>, ki raste z obsegom uporabe: "
                                    "mediji, ozemlje, trajanje, naklada, izključnost. "
                                    "Maja bi založbi lahko ponudila 800 € in 200 € za "
                                    "licenco, blagovni znamki pa 800 € in 2.500 €.</p>"
                                    "<p>Cena po vrednosti ne pomeni, da stroške "
                                    "prezrete: postavka, izračunana iz stroškov, "
                                    "ostaja vaše dno. Pomeni le, da se ne odpoveste "
                                    "zaslužku, kadar je rezultat naročniku vreden "
                                    "bistveno več od vašega časa.</p>"
                                ),
                                "en": (
                                    "<p>For a book cover, Maja estimates two and a "
                                    "half days: reading the manuscript, sketches, one "
                                    "round of changes, final artwork. At €320 a day "
                                    "that is €800 – the price of her time. But the "
                                    "same image can be worth very different amounts to "
                                    "different clients. A small publisher printing "
                                    "2,000 copies for the Slovenian market and a food "
                                    "brand putting the illustration on packaging sold "
                                    "in five countries are not buying the same thing. "
                                    "Value-based pricing means charging a separate "
                                    "<b>licence fee</b> that grows with the scope of "
                                    "use: media, territory, duration, print run, "
                                    "exclusivity. Maja might quote the publisher €800 "
                                    "plus €200 for the licence, and the food brand "
                                    "€800 plus €2,500.</p>"
                                    "<p>Value-based pricing does not mean ignoring "
                                    "your costs: your cost-based rate remains the "
                                    "floor. It simply means not giving money away when "
                                    "the result is worth far more to the client than "
                                    "your time.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Pri izdelkih velja enako",
                                    "en": "Products work the same way",
                                },
                                "text": {
                                    "sl": (
                                        "Keramičarka, ki prodaja skodelice, naredi "
                                        "enak izračun na kos: glina, glazura in žganje "
                                        "(recimo 4 €), njen čas po urni postavki (20 "
                                        "minut po 36 € = 12 €) in delež stroškov "
                                        "poslovanja (3 €). Skodelica jo stane 19 €. "
                                        "Veleprodajna cena mora biti 19 € in nekaj "
                                        "marže, recimo 23 €; trgovina, ki ceno "
                                        "podvoji, bo skodelico prodajala po 46 €. Če "
                                        "kupci za njeno skodelico ne bodo plačali 46 "
                                        "€, potrebuje hitrejši način izdelave ali "
                                        "drugo prodajno pot, ne pa nižje veleprodajne "
                                        "cene."
                                    ),
                                    "en": (
                                        "A ceramicist selling mugs does the same sum "
                                        "per piece: clay, glaze and firing (say €4), "
                                        "her time at her hourly rate (20 minutes at "
                                        "€36 = €12) and a share of overheads (€3). The "
                                        "mug costs her €19. Her wholesale price must "
                                        "be €19 plus a margin, say €23; a shop that "
                                        "doubles it will sell the mug for €46. If "
                                        "customers won't pay €46 for her mug, she "
                                        "needs a faster way of making it or a "
                                        "different channel – not a lower wholesale "
                                        "price."
                                    ),
                                },
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Vaše dno",
                                    "en": "Your floor",
                                },
                                "prompt": {
                                    "sl": (
                                        "Po Majinih sedmih korakih izračunajte svojo "
                                        "dnevno postavko na pragu pokritja. Zapišite "
                                        "vsako številko: želeni dohodek, seznam "
                                        "stroškov poslovanja z zneski, delovne dni, "
                                        "pošten delež zaračunljivega časa in rezultat. "
                                        "Nato ga primerjajte s tem, kar ste dejansko "
                                        "zaračunali pri zadnjih treh naročilih. Kaj "
                                        "opazite?"
                                    ),
                                    "en": (
                                        "Calculate your own break-even day rate using "
                                        "Maja's seven steps. Write down each figure: "
                                        "the income you want, a list of overheads with "
                                        "amounts, your working days, an honest share "
                                        "of billable time, and the result. Then "
                                        "compare it with what you actually charged on "
                                        "your last three jobs. What do you notice?"
                                    ),
                                },
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": {
                                    "sl": "Preverite svoje znanje o cenah",
                                    "en": "Check your pricing",
                                },
                                "pass_mark": 70,
                                "max_attempts": 3,
                                "questions": [
                                    {
                                        "kind": "single",
                                        "text": {
                                            "sl": (
                                                "Kolikšna je Majina dnevna postavka na "
                                                "pragu pokritja, če se njeni stroški "
                                                "poslovanja zvišajo s 7.500 € na 9.480 "
                                                "€, vse drugo pa ostane enako?"
                                            ),
                                            "en": (
                                                "Using Maja's figures, what is her "
                                                "break-even day rate if her overheads "
                                                "rise from €7,500 to €9,480 and "
                                                "nothing else changes?"
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": "Približno 227 €",
                                                    "en": "About €227",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "To je 30.000 € ÷ 132: stroški "
                                                        "poslovanja so povsem "
                                                        "izpuščeni, spremenili pa so "
                                                        "se prav oni."
                                                    ),
                                                    "en": (
                                                        "That is €30,000 ÷ 132: it "
                                                        "leaves out the overheads "
                                                        "altogether, and they are "
                                                        "exactly what has changed."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Približno 299 €",
                                                    "en": "About €299",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: (30.000 € + 9.480 "
                                                        "€) ÷ 132 = 299 €. Vsakih "
                                                        "1.000 € dodatnih stroškov "
                                                        "zviša njeno dnevno postavko "
                                                        "za približno 7,60 €."
                                                    ),
                                                    "en": (
                                                        "Correct: (€30,000 + €9,480) ÷ "
                                                        "132 = €299. Every extra "
                                                        "€1,000 of overheads adds "
                                                        "about €7.60 to her day rate."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Približno 152 €",
                                                    "en": "About €152",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Tu je znesek deljen z vsemi "
                                                        "260 delovnimi dnevi, dopust, "
                                                        "bolezen in čas, ki ga ne more "
                                                        "zaračunati, pa so prezrti."
                                                    ),
                                                    "en": (
                                                        "That divides by all 260 "
                                                        "working days and ignores "
                                                        "holidays, illness and the "
                                                        "time she cannot bill."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Približno 359 €",
                                                    "en": "About €359",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "V tem znesku je že približno "
                                                        "20 % pribitka. Vprašanje "
                                                        "sprašuje po postavki na pragu "
                                                        "pokritja, še brez pribitka."
                                                    ),
                                                    "en": (
                                                        "That already includes a "
                                                        "margin of about 20%. The "
                                                        "question asks for the "
                                                        "break-even rate, before any "
                                                        "margin is added."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "text": {
                                            "sl": (
                                                "Kaj od naštetega spada med Majine "
                                                "letne stroške poslovanja?"
                                            ),
                                            "en": (
                                                "Which of these belong in Maja's "
                                                "annual overheads?"
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": "Plačilo računovodji",
                                                    "en": "Her accountant's fee",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Da: plačati ga mora ne glede "
                                                        "na to, ali ima delo, zato je "
                                                        "strošek poslovanja."
                                                    ),
                                                    "en": (
                                                        "Yes: she pays it whether or "
                                                        "not she has work, so it is an "
                                                        "overhead."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Naročnine na programsko opremo"
                                                    ),
                                                    "en": "Software subscriptions",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Da: tekoči strošek "
                                                        "poslovanja, ki ga neposredno "
                                                        "ne plača noben posamezen "
                                                        "naročnik."
                                                    ),
                                                    "en": (
                                                        "Yes: a running cost of the "
                                                        "business that no single "
                                                        "client pays for directly."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Delež stroška računalnika in "
                                                        "tablice"
                                                    ),
                                                    "en": (
                                                        "A share of the cost of her "
                                                        "computer and tablet"
                                                    ),
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Da: strošek opreme se "
                                                        "razporedi na njeno "
                                                        "življenjsko dobo, tu tri "
                                                        "leta, zato vsako leto nosi "
                                                        "svoj delež."
                                                    ),
                                                    "en": (
                                                        "Yes: equipment is spread over "
                                                        "its useful life, here three "
                                                        "years, so each year carries a "
                                                        "share."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Poseben papir in tisk, "
                                                        "kupljena za projekt enega "
                                                        "naročnika"
                                                    ),
                                                    "en": (
                                                        "Special paper and printing "
                                                        "bought for one client's "
                                                        "project"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: to je neposredni strošek "
                                                        "enega naročila. Prištejte ga "
                                                        "k ponudbi za to naročilo, "
                                                        "sicer ga plačajo vsi drugi "
                                                        "naročniki."
                                                    ),
                                                    "en": (
                                                        "No: this is a direct cost of "
                                                        "one job. Add it to that job's "
                                                        "quote; otherwise every other "
                                                        "client pays for it."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Ure, ki jih porabi za risanje "
                                                        "za naročnika"
                                                    ),
                                                    "en": (
                                                        "The hours she spends drawing "
                                                        "for a client"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: njen delovni čas je "
                                                        "plačan z dnevno postavko, ne "
                                                        "prek stroškov poslovanja."
                                                    ),
                                                    "en": (
                                                        "No: her working time is paid "
                                                        "through the day rate itself, "
                                                        "not through overheads."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "text": {
                                            "sl": (
                                                "Določanje cene po vrednosti pomeni, "
                                                "da stroške lahko prezrete."
                                            ),
                                            "en": (
                                                "Value-based pricing means you can "
                                                "ignore your costs."
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": "Drži",
                                                    "en": "True",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: postavka, izračunana iz "
                                                        "stroškov, ostaja vaše dno. "
                                                        "Cena po vrednosti temu dnu "
                                                        "nekaj doda, kadar je rezultat "
                                                        "naročniku vreden več, na "
                                                        "primer licenčnino."
                                                    ),
                                                    "en": (
                                                        "No: your cost-based rate "
                                                        "remains the floor. "
                                                        "Value-based pricing adds to "
                                                        "it when the result is worth "
                                                        "more to the client, for "
                                                        "example through a licence fee."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Ne drži",
                                                    "en": "False",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: svoje dno morate še "
                                                        "vedno poznati. Določanje cene "
                                                        "po vrednosti ceno dvigne nad "
                                                        "dno, nikoli pa ne upraviči "
                                                        "cene pod njim."
                                                    ),
                                                    "en": (
                                                        "Correct: you still need to "
                                                        "know your floor. Value-based "
                                                        "pricing raises the price "
                                                        "above it; it never justifies "
                                                        "going below it."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "text": {
                                            "sl": (
                                                "Zakaj Maja deli s 132 dnevi in ne z "
                                                "220?"
                                            ),
                                            "en": (
                                                "Why does Maja divide by 132 days "
                                                "rather than 220?"
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Ker naročniki plačajo le "
                                                        "dneve, porabljene za njihovo "
                                                        "delo, administracijo, trženje "
                                                        "in ponudbe pa je treba vseeno "
                                                        "opraviti"
                                                    ),
                                                    "en": (
                                                        "Because clients only pay for "
                                                        "days spent on their work, "
                                                        "while admin, marketing and "
                                                        "quotes still have to be done"
                                                    ),
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: čas, ki ga ne "
                                                        "morete zaračunati, je prav "
                                                        "tako delovni čas, plačati pa "
                                                        "ga morajo zaračunljivi dnevi."
                                                    ),
                                                    "en": (
                                                        "Correct: unbillable time is "
                                                        "real working time, and the "
                                                        "billable days have to pay for "
                                                        "it."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Ker je 132 zakonsko določeno "
                                                        "število delovnih dni za "
                                                        "samostojne ustvarjalce v "
                                                        "Sloveniji"
                                                    ),
                                                    "en": (
                                                        "Because 132 is the legal "
                                                        "number of working days for "
                                                        "freelancers in Slovenia"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Takega pravila ni: 132 je "
                                                        "Majina lastna ocena, 60 % "
                                                        "njenih 220 delovnih dni."
                                                    ),
                                                    "en": (
                                                        "There is no such rule: 132 is "
                                                        "Maja's own estimate, 60% of "
                                                        "her 220 working days."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Da si zagotovi rezervo",
                                                    "en": "To build in a safety margin",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Rezerva je ločen korak (+10 "
                                                        "%) na koncu. Delež 60 % "
                                                        "odraža čas, ki ga resnično ne "
                                                        "more zaračunati."
                                                    ),
                                                    "en": (
                                                        "The margin is a separate step "
                                                        "(+10%) at the end. The 60% "
                                                        "reflects time she genuinely "
                                                        "cannot bill."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Ker ilustratorji običajno "
                                                        "delajo s skrajšanim delovnim "
                                                        "časom"
                                                    ),
                                                    "en": (
                                                        "Because illustrators usually "
                                                        "work part-time"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Maja dela polni delovni čas, "
                                                        "le zaračunati ga ne more v "
                                                        "celoti."
                                                    ),
                                                    "en": (
                                                        "Maja works full-time; she "
                                                        "simply cannot bill all of "
                                                        "that time to clients."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "text": {
                                            "sl": (
                                                "Maja blagovni znamki zaračuna višjo "
                                                "licenčnino kot založbi, čeprav za "
                                                "risbo porabi enako časa."
                                            ),
                                            "en": (
                                                "Maja's licence fee for the food brand "
                                                "is higher than for the publisher, "
                                                "even though the drawing takes her the "
                                                "same time."
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": "Drži",
                                                    "en": "True",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: čas je plačan z "
                                                        "dnevno postavko, uporaba pa z "
                                                        "licenčnino. Embalaža v petih "
                                                        "državah je precej širša "
                                                        "uporaba kot 2.000 knjig v "
                                                        "Sloveniji."
                                                    ),
                                                    "en": (
                                                        "Correct: her time is priced "
                                                        "through the day rate, the use "
                                                        "through the licence. "
                                                        "Packaging in five countries "
                                                        "is a much wider use than "
                                                        "2,000 books in Slovenia."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Ne drži",
                                                    "en": "False",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Trditev v resnici drži: "
                                                        "licenčnina sledi obsegu "
                                                        "uporabe (mediji, ozemlje, "
                                                        "trajanje, naklada), ne "
                                                        "porabljenim uram."
                                                    ),
                                                    "en": (
                                                        "In fact the statement is "
                                                        "true: the licence fee follows "
                                                        "the scope of use (media, "
                                                        "territory, duration, print "
                                                        "run), not the hours."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": {
                        "sl": "ponudbe-pogajanja-zavrnitev",
                        "en": "quotes-negotiation-saying-no",
                    },
                    "title": {
                        "sl": "Ponudbe, pogajanja in zavrnitev naročila",
                        "en": "Quotes, negotiation and saying no",
                    },
                    "minutes": 25,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Kaj vsebuje dobra ponudba",
                                "en": "What a good quote contains",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Ponudba ni le številka, temveč prvi osnutek "
                                    "vaše pogodbe. Jasna ponudba prepreči večino "
                                    "sporov, še preden nastanejo. Navesti mora:</p>"
                                    "<ul>"
                                    "<li><b>Obseg:</b> kaj točno boste dostavili – na "
                                    "primer »logotip v treh barvnih različicah, "
                                    "enostranski priročnik celostne podobe, datoteke v "
                                    "formatih AI, PDF in PNG« – in česa ponudba ne "
                                    "vključuje.</li>"
                                    "<li><b>Kroge popravkov:</b> koliko jih je "
                                    "vključenih (pogosto dva) in po kakšni postavki se "
                                    "zaračunajo dodatni.</li>"
                                    "<li><b>Časovnico:</b> ključne datume in kaj se "
                                    "zgodi, če naročnik odziv ali gradivo pošlje z "
                                    "zamudo.</li>"
                                    "<li><b>Pravice:</b> kakšno uporabo dobi naročnik "
                                    "(mediji, ozemlje, trajanje, izključnost) in da se "
                                    "vsaka nadaljnja uporaba licencira posebej.</li>"
                                    "<li><b>Plačilne pogoje:</b> predplačilo, plačila "
                                    "po fazah, rok plačila in ali cena vključuje "
                                    "DDV.</li>"
                                    "<li><b>Veljavnost:</b> koliko časa ponudba velja, "
                                    "na primer 30 dni.</li>"
                                    "</ul>"
                                ),
                                "en": (
                                    "<p>A quote is not just a number; it is the first "
                                    "draft of your contract. A clear one prevents most "
                                    "disputes before they start. It should state:</p>"
                                    "<ul>"
                                    "<li><b>Scope:</b> exactly what you will deliver – "
                                    "for example ‘a logo in three colour versions, a "
                                    "one-page brand guide, files in AI, PDF and PNG’ – "
                                    "and what is not included.</li>"
                                    "<li><b>Rounds of changes:</b> how many are "
                                    "included (two is common) and the rate for any "
                                    "further ones.</li>"
                                    "<li><b>Timeline:</b> the key dates, and what "
                                    "happens if the client's feedback or materials "
                                    "arrive late.</li>"
                                    "<li><b>Rights:</b> what use the client gets "
                                    "(media, territory, duration, exclusivity), and "
                                    "that any further use is licensed separately.</li>"
                                    "<li><b>Payment terms:</b> an advance, staged "
                                    "payments, the number of days to pay, and whether "
                                    "the price includes VAT.</li>"
                                    "<li><b>Validity:</b> how long the offer stands, "
                                    "for example 30 days.</li>"
                                    "</ul>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Ponudite tri možnosti",
                                    "en": "Offer three options",
                                },
                                "text": {
                                    "sl": (
                                        "Namesto ene cene ponudite tri pakete – na "
                                        "primer celostno podobo za 1.900 €, 3.200 € in "
                                        "5.400 € –, ki se razlikujejo po obsegu, ne po "
                                        "vaši urni postavki. Naročnik se ne sprašuje "
                                        "več, ali je predrago, temveč, katera možnost "
                                        "mu ustreza. Mnogi izberejo srednjo, najdražja "
                                        "pa pokaže, kaj bi dobili z večjim proračunom."
                                    ),
                                    "en": (
                                        "Instead of one price, offer three packages – "
                                        "for example a brand identity at €1,900, "
                                        "€3,200 and €5,400 – that differ in scope, not "
                                        "in your hourly rate. The client stops asking "
                                        "‘is this too expensive?’ and starts asking "
                                        "‘which one suits us?’. Many choose the middle "
                                        "option, and the top one shows what a bigger "
                                        "budget would buy."
                                    ),
                                },
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Pogajanja: menjajte, ne popuščajte",
                                "en": "Negotiating: trade, don't discount",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Ko naročnik reče, da je cena previsoka, je ne "
                                    "znižajte takoj. Najprej ga vprašajte, kolikšen je "
                                    "njegov proračun in kaj mu je najpomembnejše. Nato "
                                    "spremenite obseg, ne postavke: manj različic, en "
                                    "krog popravkov namesto dveh, ožja licenca, "
                                    "poznejši rok ali pa naročnik sam pripravi "
                                    "besedila in fotografije. Popust v višini 20 % pri "
                                    "nespremenjenem obsegu naročnika nauči, da vaša "
                                    "prva cena ni bila resna – in naslednjič bo spet "
                                    "prosil zanj.</p>"
                                    "<p>Kaj še lahko zamenjate: večje predplačilo za "
                                    "nižji skupni znesek; nižji honorar za vidno "
                                    "navedbo avtorstva in pravico, da delo pokažete v "
                                    "portfoliu; nižji honorar za delež od prodaje. Pri "
                                    "vsaki taki menjavi za tisto, čemur se odpoveste, "
                                    "nekaj dobite nazaj.</p>"
                                    "<p>Pred sestankom si zapišite svojo spodnjo mejo "
                                    "– najnižjo ceno in najslabše pogoje, ki jih boste "
                                    "še sprejeli –, da se vam o tem ne bo treba "
                                    "odločati pod pritiskom.</p>"
                                ),
                                "en": (
                                    "<p>When a client says the price is too high, do "
                                    "not lower it straight away. First ask what their "
                                    "budget is and what matters most to them. Then "
                                    "change the scope, not your rate: fewer variants, "
                                    "one round of changes instead of two, a narrower "
                                    "licence, a later deadline, or the client "
                                    "preparing the texts and photos themselves. A 20% "
                                    "discount on an unchanged scope teaches the client "
                                    "that your first price was not serious – and they "
                                    "will ask again next time.</p>"
                                    "<p>Other things you can trade: a larger advance "
                                    "for a lower total; a lower fee for a visible "
                                    "credit and the right to show the work in your "
                                    "portfolio; a lower fee for a share of sales. Each "
                                    "of these gives you something back for what you "
                                    "give up.</p>"
                                    "<p>Before the meeting, write down your walk-away "
                                    "point – the lowest price and the worst terms you "
                                    "will still accept – so that you do not have to "
                                    "decide it under pressure.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Festival nam je ponudil »odlično promocijo« "
                                        "in 300 € za enourni nastop štiričlanske "
                                        "skupine. Poslali smo svojo pravo ceno, 1.400 "
                                        "€, in cenejšo možnost: trio, akustični "
                                        "nastop, 800 €, tonskega tehnika pa plača "
                                        "festival. Vzeli so trio. Zdaj namesto golega "
                                        "»ne« vedno pošljemo drugo možnost."
                                    ),
                                    "en": (
                                        "A festival offered us ‘great exposure’ and "
                                        "€300 for a four-piece band to play for an "
                                        "hour. We sent back our real price of €1,400 "
                                        "and a cheaper option: a trio, an acoustic "
                                        "set, €800, with the festival paying for the "
                                        "sound engineer. They took the trio. Now we "
                                        "always send an option instead of a flat no."
                                    ),
                                },
                                "attribution": {
                                    "sl": "Luka, kitarist ljubljanske indie skupine",
                                    "en": "Luka, guitarist in a Ljubljana indie band",
                                },
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Kdaj reči ne",
                                "en": "When to say no",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Zavrnitev je del poslovnega modela, ne njegov "
                                    "neuspeh. Naročilo vljudno zavrnite ali se iz "
                                    "pogajanj umaknite, kadar:</p>"
                                    "<ul>"
                                    "<li>je cena po pogajanjih pod vašim dnom, "
                                    "naročilo pa ne prinaša druge resnične vrednosti "
                                    "(dela, ki ga v portfoliu res potrebujete, vstopa "
                                    "na nov trg);</li>"
                                    "<li>naročnik noče plačati predplačila ali "
                                    "podpisati pisnega dogovora;</li>"
                                    "<li>se naloga spreminja, še preden se je delo "
                                    "sploh začelo;</li>"
                                    "<li>bi vam naročilo v najbolj zasedenem obdobju "
                                    "vzelo zmogljivosti in zaprlo vrata boljšim "
                                    "naročnikom.</li>"
                                    "</ul>"
                                    "<p>Dobra zavrnitev pusti vrata odprta: zahvalite "
                                    "se, na kratko pojasnite, zakaj ne gre, in če "
                                    "lahko, priporočite kolega, čigar cene ustrezajo "
                                    "naročnikovemu proračunu. Naročniki si zapomnijo, "
                                    "kdo jim je pomagal najti rešitev.</p>"
                                ),
                                "en": (
                                    "<p>Saying no is part of a business model, not a "
                                    "failure of it. Decline, or politely walk away, "
                                    "when:</p>"
                                    "<ul>"
                                    "<li>the price after negotiation is below your "
                                    "floor and the job brings no other real value (a "
                                    "portfolio piece you genuinely need, a way into a "
                                    "new market);</li>"
                                    "<li>the client will not pay an advance or sign a "
                                    "written agreement;</li>"
                                    "<li>the brief keeps changing before the work has "
                                    "even started;</li>"
                                    "<li>the job would take up your capacity in the "
                                    "busiest season and shut out better clients.</li>"
                                    "</ul>"
                                    "<p>A good no leaves the door open: thank the "
                                    "client, say briefly why it does not work, and, if "
                                    "you can, recommend a colleague whose prices fit "
                                    "their budget. Clients remember who helped them "
                                    "find a solution.</p>"
                                ),
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Prepišite ponudbo",
                                    "en": "Rewrite a quote",
                                },
                                "prompt": {
                                    "sl": (
                                        "Vzemite zadnjo ponudbo, ki ste jo poslali. "
                                        "Prepišite jo tako, da bo navajala obseg, "
                                        "kroge popravkov, časovnico, pravice, plačilne "
                                        "pogoje in veljavnost. Nato pripravite tri "
                                        "možnosti z različnim obsegom in zapišite "
                                        "stavek, s katerim bi odgovorili, če bi "
                                        "naročnik prosil za popust."
                                    ),
                                    "en": (
                                        "Take the last quote you sent. Rewrite it so "
                                        "that it states the scope, rounds of changes, "
                                        "timeline, rights, payment terms and validity. "
                                        "Then prepare three options with different "
                                        "scopes, and write the one sentence you would "
                                        "use if the client asked for a discount."
                                    ),
                                },
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "slug": {
                "sl": "kupci-in-prodajne-poti",
                "en": "customers-and-channels",
            },
            "title": {
                "sl": "Kupci in prodajne poti",
                "en": "Customers and channels",
            },
            "summary": {
                "sl": (
                    "Kdo kupuje ustvarjalno delo, kako priti do teh kupcev in kako "
                    "lahko oblikovalci in proizvajalci skupaj razvijejo izdelek."
                ),
                "en": (
                    "Who buys creative work, how to reach those buyers, and how "
                    "designers and manufacturers can build products together."
                ),
            },
            "lessons": [
                {
                    "slug": {
                        "sl": "kdo-so-vasi-kupci",
                        "en": "who-your-customers-are",
                    },
                    "title": {
                        "sl": "Kdo so vaši kupci",
                        "en": "Who your customers are",
                    },
                    "minutes": 20,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Naročila, izdelki ali oboje",
                                "en": "Commissions, products, or both",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Ustvarjalne prakse zaslužijo na dva osnovna "
                                    "načina. Pri <b>naročilih</b> nekaj izdelate po "
                                    "meri za določenega naročnika: notranjo opremo, "
                                    "film za podjetje, plakat, glasbo za poroko. Pri "
                                    "<b>izdelkih</b> nekaj najprej ustvarite in nato "
                                    "večkrat prodate: serijo vrčev, grafično mapo, "
                                    "album, pisavo, spletni tečaj. Naročila plačajo "
                                    "vaš čas in hitro prinesejo denar, a se ustavijo, "
                                    "ko se ustavite vi. Izdelki zahtevajo vložek "
                                    "vnaprej in se dlje povračajo, vendar lahko eno "
                                    "delo zasluži večkrat.</p>"
                                    "<p>Če to prekrižate s tem, kdo plača – podjetje "
                                    "(B2B) ali posameznik (B2C) –, dobite štiri precej "
                                    "različne posle:</p>"
                                    "<ul>"
                                    "<li><b>Naročila za podjetja:</b> majhen "
                                    "arhitekturni biro, ki načrtuje pisarne; nekaj "
                                    "velikih naročnikov, dolgi prodajni cikli, pogodbe "
                                    "in računi z rokom plačila.</li>"
                                    "<li><b>Naročila za posameznike:</b> portretni "
                                    "fotograf ali mizar, ki izdeluje kuhinje po meri; "
                                    "veliko majhnih naročnikov, priporočila od ust do "
                                    "ust, hitre odločitve.</li>"
                                    "<li><b>Izdelki za podjetja:</b> keramičarka, ki "
                                    "dobavlja restavracijam in konceptnim trgovinam; "
                                    "veleprodajne cene, ponovna naročila, zanesljivi "
                                    "dobavni roki.</li>"
                                    "<li><b>Izdelki za posameznike:</b> ilustratorka, "
                                    "ki prodaja grafične odtise po spletu in na "
                                    "oblikovalskih sejmih; majhni zneski, veliko "
                                    "komunikacije, močna osebna blagovna znamka.</li>"
                                    "</ul>"
                                    "<p>Večina praks združuje dva ali tri od teh "
                                    "poslov. Napaka je, če jih vodite z enim cenikom, "
                                    "enim portfoliem in enim načinom komuniciranja.</p>"
                                ),
                                "en": (
                                    "<p>Creative practices earn money in two basic "
                                    "ways. With <b>commissions</b> you make something "
                                    "to order for a specific client: an interior, a "
                                    "film for a company, a poster, a wedding set. With "
                                    "<b>products</b> you make something first and sell "
                                    "it many times: a series of jugs, a print edition, "
                                    "an album, a typeface, an online course. "
                                    "Commissions pay for your time and bring in cash "
                                    "quickly, but they stop when you stop. Products "
                                    "need investment up front and take longer to pay "
                                    "back, but one piece of work can earn many times "
                                    "over.</p>"
                                    "<p>Cross this with who pays – a business (B2B) or "
                                    "a private person (B2C) – and you get four quite "
                                    "different businesses:</p>"
                                    "<ul>"
                                    "<li><b>Commissions for businesses:</b> a small "
                                    "architecture studio designing offices; a few "
                                    "large clients, long sales cycles, contracts and "
                                    "invoices with payment terms.</li>"
                                    "<li><b>Commissions for individuals:</b> a "
                                    "portrait photographer, or a joiner making fitted "
                                    "kitchens; many small clients, word of mouth, "
                                    "quick decisions.</li>"
                                    "<li><b>Products for businesses:</b> a ceramicist "
                                    "supplying restaurants and concept stores; "
                                    "wholesale prices, repeat orders, reliable "
                                    "delivery dates.</li>"
                                    "<li><b>Products for individuals:</b> an "
                                    "illustrator selling prints online and at design "
                                    "markets; small amounts, a lot of communication, a "
                                    "strong personal brand.</li>"
                                    "</ul>"
                                    "<p>Most practices combine two or three of these. "
                                    "The mistake is to run all of them with one price "
                                    "list, one portfolio and one way of talking.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Od »vseh« do segmentov",
                                "en": "From ‘everyone’ to segments",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>»Vsi, ki imajo radi dobro oblikovanje« niso "
                                    "segment. Segment je skupina kupcev, ki imajo "
                                    "skupno potrebo, način nakupovanja in proračun, "
                                    "tako da jih lahko vse dosežete na podoben način. "
                                    "Vprašanja, ki vam pomagajo segment opisati:</p>"
                                    "<ol>"
                                    "<li>Kdo odloča, kdo plača in kdo delo uporablja? "
                                    "(Pogosto so to tri različne osebe.)</li>"
                                    "<li>Kaj sproži nakup – odprtje lokala, "
                                    "predstavitev izdelka, rok za festival, rojstni "
                                    "dan?</li>"
                                    "<li>Kako iščejo izvajalca: prek priporočil, "
                                    "javnih naročil, Instagrama, sejmov?</li>"
                                    "<li>Koliko običajno porabijo in kako pogosto?</li>"
                                    "<li>Kaj bi jih prepričalo, da izberejo vas?</li>"
                                    "</ol>"
                                ),
                                "en": (
                                    "<p>‘Anyone who likes good design’ is not a "
                                    "segment. A segment is a group of customers who "
                                    "share a need, a way of buying and a budget, so "
                                    "that you can reach them all in a similar way. "
                                    "Questions that help you describe one:</p>"
                                    "<ol>"
                                    "<li>Who decides, who pays and who uses the work? "
                                    "(Often three different people.)</li>"
                                    "<li>What triggers the purchase – an opening, a "
                                    "product launch, a festival deadline, a "
                                    "birthday?</li>"
                                    "<li>How do they look for a supplier: referrals, "
                                    "public tenders, Instagram, fairs?</li>"
                                    "<li>How much do they usually spend, and how "
                                    "often?</li>"
                                    "<li>What would make them choose you?</li>"
                                    "</ol>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Pri prvem filmu sem mislila, da so moji kupci "
                                        "gledalci. V resnici so denar prispevali javna "
                                        "televizija, filmski sklad in dve fundaciji, "
                                        "vsak pa je želel nekaj drugega. Ko sem "
                                        "vsakega opisala posebej, moje prijave in "
                                        "predstavitve niso bile več videti kot eno in "
                                        "isto pismo."
                                    ),
                                    "en": (
                                        "On my first film I thought my customers were "
                                        "the viewers. In fact the money came from a "
                                        "public broadcaster, a film fund and two "
                                        "foundations, and each wanted something "
                                        "different. Once I described each of them "
                                        "separately, my applications and pitches "
                                        "stopped sounding like one and the same letter."
                                    ),
                                },
                                "attribution": {
                                    "sl": "Jerneja, dokumentaristka",
                                    "en": "Jerneja, documentary film maker",
                                },
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Sledite denarju",
                                    "en": "Follow the money",
                                },
                                "text": {
                                    "sl": (
                                        "Za vsak segment zapišite, kdo podpiše "
                                        "naročilnico ali pogodbo. Pri poročni zasedbi "
                                        "je to par, pri dogodku podjetja pa producent "
                                        "agencije, ki mu je najpomembnejše, da gre vse "
                                        "po načrtu. Isti nastop, prodan različnim "
                                        "ljudem, potrebuje drugačno predstavitev in "
                                        "drugačno ceno."
                                    ),
                                    "en": (
                                        "For each segment, write down who signs the "
                                        "order or the contract. For a wedding band it "
                                        "is the couple; for a corporate event it is an "
                                        "agency producer whose main concern is that "
                                        "nothing goes wrong. The same set, sold to "
                                        "different people, needs a different pitch and "
                                        "a different price."
                                    ),
                                },
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Zemljevid vaših kupcev",
                                    "en": "Map your customers",
                                },
                                "prompt": {
                                    "sl": (
                                        "Naštejte zadnjih deset plačanih naročil ali "
                                        "prodaj. Za vsako zapišite: naročilo ali "
                                        "izdelek, podjetje ali zasebni kupec, kdo je "
                                        "plačal, kaj je sprožilo nakup in znesek. "
                                        "Razvrstite jih v dva ali tri segmente. Kateri "
                                        "segment vam je prinesel največ prihodkov in "
                                        "kateri vam je vzel največ časa?"
                                    ),
                                    "en": (
                                        "List your last ten paid jobs or sales. For "
                                        "each, note: commission or product, business "
                                        "or private customer, who paid, what triggered "
                                        "the purchase, and the amount. Group them into "
                                        "two or three segments. Which segment brought "
                                        "you the most income, and which took up the "
                                        "most of your time?"
                                    ),
                                },
                            },
                        ),
                    ],
                },
                {
                    "slug": {
                        "sl": "prodajne-poti",
                        "en": "channels-reaching-customers",
                    },
                    "title": {
                        "sl": "Prodajne poti: kako priti do kupcev",
                        "en": "Channels: how to reach your customers",
                    },
                    "minutes": 25,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": (
                                    "Kako vas kupci najdejo, kupijo in prejmejo vaše "
                                    "delo"
                                ),
                                "en": "How customers find, buy and receive your work",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Prodajna pot je vse, kar je med vašim delom in "
                                    "kupčevim denarjem: kako kupec izve za vas, kako "
                                    "vas oceni, kako kupi in kako prejme, kar je "
                                    "kupil. Glavne poti za ustvarjalno delo:</p>"
                                    "<ul>"
                                    "<li><b>Portfolio in spletna stran:</b> vaša "
                                    "stalna izložba. Pri naročilih tri do pet dobro "
                                    "pojasnjenih projektov (problem, vaš pristop, "
                                    "rezultat, po možnosti s številko) prepriča bolj "
                                    "kot štirideset slik brez konteksta.</li>"
                                    "<li><b>Priporočila in neposreden stik:</b> za "
                                    "večino studiev najmočnejša pot, ki jo lahko "
                                    "gradite načrtno: zadovoljne naročnike prosite, "
                                    "naj vas predstavijo drugim, ostanite v stiku z "
                                    "nekdanjimi sodelavci in jim pošljite kratko "
                                    "sporočilo, ko zaključite projekt, ki bi jih "
                                    "utegnil zanimati.</li>"
                                    "<li><b>Sejmi in festivali:</b> na dan dragi, a "
                                    "zgoščeni – kupci, novinarji in partnerji na enem "
                                    "mestu.</li>"
                                    "<li><b>Galerije, trgovine in distributerji:</b> "
                                    "pripeljejo kupce, do katerih sami ne bi prišli, v "
                                    "zameno pa vzamejo precejšen del maloprodajne cene "
                                    "– pogosto med tretjino in polovico.</li>"
                                    "<li><b>Spletne platforme in tržnice:</b> nizki "
                                    "vstopni stroški in doseg po vsem svetu, a huda "
                                    "cenovna konkurenca in pravila, na katera nimate "
                                    "vpliva.</li>"
                                    "<li><b>Agenti in zastopniki:</b> pogosti pri "
                                    "ilustratorjih, fotografih in glasbenikih; delo "
                                    "najdejo za provizijo in običajno pričakujejo "
                                    "določeno izključnost.</li>"
                                    "<li><b>Javna naročila in razpisi:</b> pomembni za "
                                    "arhitekte in filmske ustvarjalce; počasni in "
                                    "formalni, a pogosto obsežni.</li>"
                                    "</ul>"
                                ),
                                "en": (
                                    "<p>A channel is everything between your work and "
                                    "your customer's money: how they hear about you, "
                                    "how they judge you, how they buy and how they "
                                    "receive what they bought. The main channels for "
                                    "creative work:</p>"
                                    "<ul>"
                                    "<li><b>Portfolio and website:</b> your permanent "
                                    "shop window. For commissions, three to five "
                                    "well-explained projects (the problem, your "
                                    "approach, the result, ideally with a number) "
                                    "persuade better than forty images without "
                                    "context.</li>"
                                    "<li><b>Referrals and direct contact:</b> for most "
                                    "studios the strongest channel, and one you can "
                                    "build deliberately: ask satisfied clients to "
                                    "introduce you, stay in touch with former "
                                    "colleagues, send a short note when you finish a "
                                    "project that might interest them.</li>"
                                    "<li><b>Fairs and festivals:</b> expensive per "
                                    "day, but concentrated – buyers, press and "
                                    "partners in one place.</li>"
                                    "<li><b>Galleries, shops and distributors:</b> "
                                    "they bring buyers you could not reach yourself "
                                    "and take a substantial share of the retail price "
                                    "in return – often between a third and a half.</li>"
                                    "<li><b>Online platforms and marketplaces:</b> low "
                                    "entry costs and global reach, but fierce price "
                                    "competition and rules you have no say in.</li>"
                                    "<li><b>Agents and representatives:</b> common for "
                                    "illustrators, photographers and musicians; they "
                                    "find work for a commission and usually expect "
                                    "some exclusivity.</li>"
                                    "<li><b>Public tenders and calls:</b> important "
                                    "for architects and film makers; slow and formal, "
                                    "but often large.</li>"
                                    "</ul>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Sejem kot stičišče: primer Ambienta",
                                "en": "A fair as a meeting place: the Ambient example",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Na ljubljanskem pohištvenem sejmu Ambient sta "
                                    "v letih 2011 in 2012 potekala dogodka "
                                    "<i>Povezujemo oblikovanje in industrijo</i>, ki "
                                    "sta v okviru srednjeevropskega projekta Kreativna "
                                    "mesta povezala industrijske oblikovalce in "
                                    "slovenska pohištvena podjetja. Njihove zamisli so "
                                    "najprej razstavili kot idejne osnutke, jih nato "
                                    "skupaj razvijali, prototipe iz te poslovne verige "
                                    "pa predstavili na Ambientu 2012. Oblikovalcem "
                                    "sejem ni bil prostor za prodajo končnih kosov "
                                    "obiskovalcem, temveč kraj, kjer so spoznali "
                                    "proizvajalce, ki bi njihovo delo lahko izdelovali "
                                    "in prodajali – pot do drugih poti.</p>"
                                    "<p>Preden rezervirate stojnico ali vstopnico za "
                                    "katerikoli sejem, se odločite, čemu naj služi: "
                                    "neposredni prodaji, iskanju trgovskih kupcev in "
                                    "partnerjev ali vidnosti v medijih. Vsak cilj "
                                    "zahteva drugačno stojnico, drugačno gradivo in "
                                    "drugačno delo po sejmu.</p>"
                                ),
                                "en": (
                                    "<p>At the Ambient furniture fair in Ljubljana in "
                                    "2011 and 2012, the ‘Design Meets Industry’ events "
                                    "(<i>Povezujemo oblikovanje in industrijo</i>), "
                                    "run as part of the Central European Creative "
                                    "Cities project, brought industrial designers and "
                                    "Slovenian furniture companies together. Their "
                                    "ideas were first exhibited as concept designs, "
                                    "then developed jointly, and the prototypes from "
                                    "this business chain were presented at Ambient "
                                    "2012. For the designers, the fair was not a place "
                                    "to sell finished pieces to visitors but a place "
                                    "to meet manufacturers who could produce and sell "
                                    "their work – a channel to other channels.</p>"
                                    "<p>Before you book a stand or a ticket for any "
                                    "fair, decide what it is for: selling directly, "
                                    "finding trade buyers and partners, or being seen "
                                    "by the press. Each goal needs a different stand, "
                                    "different materials and a different follow-up "
                                    "after the fair.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Izračunajte celoten strošek poti",
                                    "en": "Count the full cost of a channel",
                                },
                                "text": {
                                    "sl": (
                                        "Stojnica na oblikovalskem sejmu morda stane "
                                        "150 € na dan, prišteti pa morate še dva dneva "
                                        "svojega časa po dnevni postavki, potne "
                                        "stroške, zalogo, ki jo morate izdelati "
                                        "vnaprej, in provizije za plačila s karticami. "
                                        "Če vas stojnica skupaj stane 900 €, pri "
                                        "vsakem odtisu pa zaslužite 15 €, morate samo "
                                        "za pokritje stroškov prodati 60 odtisov – "
                                        "velik del vrednosti pa morda prinesejo stiki, "
                                        "ki jih boste razvili pozneje."
                                    ),
                                    "en": (
                                        "A stall at a design market might cost €150 a "
                                        "day, but add two days of your time at your "
                                        "day rate, travel, the stock you have to make "
                                        "in advance and card payment fees. If the "
                                        "stall costs you €900 in all and you earn €15 "
                                        "on each print, you need to sell 60 prints "
                                        "just to break even – and much of the value "
                                        "may come from the contacts you follow up "
                                        "later."
                                    ),
                                },
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Najboljše, kar sem naredila na prvem "
                                        "strokovnem sejmu, je bilo, da sem nehala "
                                        "prodajati. Zapisala sem si vsakega kupca, ki "
                                        "se je ustavil na moji stojnici, in jih v enem "
                                        "tednu vse poklicala. Trije zdaj prodajajo "
                                        "moje izdelke v svojih trgovinah, na sejmu pa "
                                        "ni nobeden ničesar kupil."
                                    ),
                                    "en": (
                                        "The best thing I did at my first trade fair "
                                        "was to stop selling. I wrote down every buyer "
                                        "who stopped at my stand and phoned them all "
                                        "within a week. Three of them now stock my "
                                        "work, and not one of them bought anything at "
                                        "the fair."
                                    ),
                                },
                                "attribution": {
                                    "sl": "Tina, oblikovalka tekstila",
                                    "en": "Tina, textile designer",
                                },
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Izberite dve poti",
                                    "en": "Choose two channels",
                                },
                                "prompt": {
                                    "sl": (
                                        "Za svoj glavni segment kupcev iz prejšnje "
                                        "lekcije naštejte poti, po katerih ti kupci "
                                        "iščejo nekoga, kot ste vi. Izberite dve "
                                        "najobetavnejši. Za vsako ocenite, koliko vas "
                                        "bo v naslednjih šestih mesecih stala v "
                                        "denarju in času in kakšen rezultat bi "
                                        "upravičil vložek (na primer trije novi "
                                        "naročniki ali 100 prodanih kosov)."
                                    ),
                                    "en": (
                                        "For your main customer segment from the "
                                        "previous lesson, list the channels these "
                                        "customers use to find someone like you. "
                                        "Choose the two most promising. For each, "
                                        "estimate what it will cost you over the next "
                                        "six months in money and time, and what result "
                                        "would make it worthwhile (for example three "
                                        "new clients or 100 pieces sold)."
                                    ),
                                },
                            },
                        ),
                    ],
                },
                {
                    "slug": {
                        "sl": "sodelovanje-z-industrijo",
                        "en": "working-with-industry",
                    },
                    "title": {
                        "sl": "Sodelovanje z industrijo: oblikovalci in proizvajalci",
                        "en": "Working with industry: designers and manufacturers",
                    },
                    "minutes": 30,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Kaj prinese vsaka stran",
                                "en": "What each side brings",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Proizvajalec pohištva, svetil ali tekstila ima "
                                    "stroje, materiale, znanje o proizvodnih stroških, "
                                    "prodajno mrežo in kapital, da izdela tisoč kosov. "
                                    "Oblikovalec prinese svež pogled na to, kaj ljudje "
                                    "potrebujejo, obliko, s katero se izdelek loči od "
                                    "drugih, in pogosto razumevanje trga, ki ga "
                                    "podjetje ne pozna. Nobeden od njiju ne more "
                                    "zlahka opraviti dela drugega. Na tej zamisli so "
                                    "temeljili dogodki <i>Povezujemo oblikovanje in "
                                    "industrijo</i> na sejmu Ambient: slovenska "
                                    "pohištvena podjetja in industrijski oblikovalci "
                                    "so skupaj razvijali izdelke, od idejnih osnutkov "
                                    "do prototipov, predstavljenih na Ambientu "
                                    "2012.</p>"
                                    "<p>Sodelovanje najbolje steče, če oblikovalec "
                                    "zgodaj spozna omejitve podjetja: katere stroje in "
                                    "materiale že uporablja, koliko sme stati izdelava "
                                    "izdelka, kaj njegovi kupci že kupujejo. Lep stol, "
                                    "za katerega bi potrebovali novo proizvodno "
                                    "linijo, le redko preživi prvi sestanek. Stol, ki "
                                    "izkoristi obstoječo stiskalnico za krivljenje "
                                    "lesa in zapolni vrzel v ponudbi podjetja, ima "
                                    "resnično priložnost.</p>"
                                ),
                                "en": (
                                    "<p>A furniture, lighting or textile manufacturer "
                                    "has machines, materials, know-how about "
                                    "production costs, a sales network and the capital "
                                    "to make a thousand pieces. A designer brings a "
                                    "fresh view of what people need, a form that makes "
                                    "the product stand out, and often an understanding "
                                    "of a market the company does not know. Neither "
                                    "can easily do the other's job. The Design Meets "
                                    "Industry events at the Ambient fair were built on "
                                    "exactly this idea: Slovenian furniture companies "
                                    "and industrial designers developed products "
                                    "together, from concept designs to prototypes "
                                    "shown at Ambient 2012.</p>"
                                    "<p>Collaboration works best when the designer "
                                    "learns the company's constraints early: which "
                                    "machines and materials it already uses, what the "
                                    "product may cost to make, what its buyers already "
                                    "purchase. A beautiful chair that needs a new "
                                    "production line rarely survives the first "
                                    "meeting. A chair that uses the company's existing "
                                    "bending press and fills a gap in its range has a "
                                    "real chance.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Kako je oblikovalec plačan",
                                "en": "How designers get paid",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Običajni so trije dogovori:</p>"
                                    "<ul>"
                                    "<li><b>Fiksni honorar:</b> podjetje plača "
                                    "oblikovalsko delo, običajno po fazah (zasnova, "
                                    "razvoj, prototip). Varno za oblikovalca, vendar "
                                    "brez deleža pri uspehu.</li>"
                                    "<li><b>Delež od prodaje (tantiema):</b> "
                                    "oblikovalec prejema odstotek proizvajalčeve neto "
                                    "prodaje izdelka, dokler se ta prodaja. Pri "
                                    "pohištvu gre običajno za nekaj odstotkov neto "
                                    "prodajne cene, pogodba pa mora natančno določiti, "
                                    "kaj pomeni »neto«.</li>"
                                    "<li><b>Kombinacija:</b> manjši honorar za razvoj "
                                    "in delež od prodaje, pogosto z akontacijo "
                                    "tantiem, ki se odšteje od prvih izplačil.</li>"
                                    "</ul>"
                                ),
                                "en": (
                                    "<p>There are three usual arrangements:</p>"
                                    "<ul>"
                                    "<li><b>A fixed fee:</b> the company pays for the "
                                    "design work, usually in stages (concept, "
                                    "development, prototype). Safe for the designer, "
                                    "but with no share in a success.</li>"
                                    "<li><b>A royalty:</b> the designer receives a "
                                    "percentage of the manufacturer's net sales of the "
                                    "product for as long as it is sold. In furniture "
                                    "this is usually a few per cent of the net selling "
                                    "price, and the contract must say exactly what "
                                    "‘net’ means.</li>"
                                    "<li><b>A combination:</b> a smaller fee for "
                                    "development plus a royalty, often with an advance "
                                    "on royalties that is deducted from the first "
                                    "payments.</li>"
                                    "</ul>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Honorar ali delež od prodaje? Izračunajte",
                                    "en": "Fee or royalty? Do the sum",
                                },
                                "text": {
                                    "sl": (
                                        "Proizvajalec oblikovalki svetil ponudi 6.000 "
                                        "€ honorarja ali 2.000 € honorarja in 4 % neto "
                                        "cene, po kateri svetilko prodaja trgovcem. Če "
                                        "trgovci plačajo 150 € na svetilko, "
                                        "oblikovalka pri vsaki zasluži 6 €. Pri "
                                        "približno 670 prodanih svetilkah delež od "
                                        "prodaje dohiti fiksni honorar, pri 2.000 "
                                        "svetilkah v petih letih pa prinese 14.000 €. "
                                        "Podjetje vprašajte za realne ocene prodaje – "
                                        "in če jih ne zna dati, se dogovorite za "
                                        "najnižjo letno tantiemo."
                                    ),
                                    "en": (
                                        "A manufacturer offers a lighting designer "
                                        "either a €6,000 fee, or a €2,000 fee plus 4% "
                                        "of the net price at which it sells the lamp "
                                        "to retailers. If retailers pay €150 per lamp, "
                                        "the designer earns €6 on each one. At around "
                                        "670 lamps the royalty option catches up with "
                                        "the fixed fee; at 2,000 lamps over five years "
                                        "it brings in €14,000. Ask the company for "
                                        "realistic sales estimates – and if it is "
                                        "unsure, agree a minimum annual royalty."
                                    ),
                                },
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Prvi sestanek s proizvajalcem se je "
                                        "ponesrečil, ker sem prinesel dokončane risbe. "
                                        "Drugi je uspel, ker sem prinesel vprašanja: "
                                        "kaj vaši stroji delajo dobro, po čem vaši "
                                        "kupci vedno znova sprašujejo, kaj vam leži "
                                        "neprodano v skladišču? Miza, ki smo jo na "
                                        "koncu naredili skupaj, je iz njihovih "
                                        "ostankov hrastovine."
                                    ),
                                    "en": (
                                        "Our first meeting with the manufacturer went "
                                        "badly because I brought finished drawings. "
                                        "The second went well because I brought "
                                        "questions: what do your machines do well, "
                                        "what do your customers keep asking for, what "
                                        "is sitting unsold in your warehouse? The "
                                        "table we eventually made together uses their "
                                        "oak offcuts."
                                    ),
                                },
                                "attribution": {
                                    "sl": "Gregor, oblikovalec pohištva",
                                    "en": "Gregor, furniture designer",
                                },
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Preden podpišete",
                                "en": "Before you sign",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Pogodba o oblikovanju in licenci s "
                                    "proizvajalcem naj uredi vsaj:</p>"
                                    "<ul>"
                                    "<li>kdo je imetnik pravic na modelu in kdo ga "
                                    "registrira (ter plača registracijo);</li>"
                                    "<li>ozemlje in trajanje licence ter ali je "
                                    "izključna;</li>"
                                    "<li>višino deleža od prodaje, osnovo za izračun, "
                                    "pogostost izplačil in vašo pravico do vpogleda v "
                                    "poročila o prodaji;</li>"
                                    "<li>kaj se zgodi, če podjetje izdelek preneha "
                                    "izdelovati ali prodajati – pravice naj se tedaj "
                                    "vrnejo k vam;</li>"
                                    "<li>navajanje vašega imena na izdelku, v "
                                    "katalogih in na sejmih;</li>"
                                    "<li>kdo plača prototipe in kdo jih obdrži.</li>"
                                    "</ul>"
                                ),
                                "en": (
                                    "<p>A design and licence agreement with a "
                                    "manufacturer should settle at least:</p>"
                                    "<ul>"
                                    "<li>who holds the rights in the design, and who "
                                    "registers it (and pays for the registration);</li>"
                                    "<li>the territory and duration of the licence, "
                                    "and whether it is exclusive;</li>"
                                    "<li>the royalty rate, what it is calculated on, "
                                    "how often it is paid, and your right to see sales "
                                    "reports;</li>"
                                    "<li>what happens if the company stops making or "
                                    "selling the product – the rights should then "
                                    "return to you;</li>"
                                    "<li>your name on the product, in catalogues and "
                                    "at fairs;</li>"
                                    "<li>who pays for the prototypes and who keeps "
                                    "them.</li>"
                                    "</ul>"
                                ),
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Pripravite prvi sestanek",
                                    "en": "Prepare a first meeting",
                                },
                                "prompt": {
                                    "sl": (
                                        "Izberite proizvajalca, s katerim bi želeli "
                                        "sodelovati. Zapišite, kaj veste o njegovi "
                                        "proizvodnji, materialih, ponudbi in kupcih, "
                                        "ter pripravite pet vprašanj za prvi sestanek. "
                                        "Nato v treh stavkih opišite zamisel za "
                                        "izdelek, ki izkoristi tisto, kar podjetje že "
                                        "zdaj dela dobro."
                                    ),
                                    "en": (
                                        "Choose a manufacturer you would like to work "
                                        "with. Write down what you know about its "
                                        "production, materials, range and customers, "
                                        "and list five questions for a first meeting. "
                                        "Then describe, in three sentences, a product "
                                        "idea that makes use of what the company "
                                        "already does well."
                                    ),
                                },
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "slug": {
                "sl": "zascita-in-financiranje",
                "en": "protecting-and-funding",
            },
            "title": {
                "sl": "Zaščita in financiranje vašega dela",
                "en": "Protecting and funding your work",
            },
            "summary": {
                "sl": (
                    "Katere pravice imate na svojem delu, kako financirati naslednji "
                    "projekt in kako celotno prakso strniti na eno stran."
                ),
                "en": (
                    "Which rights you hold in your work, how to pay for the next "
                    "project, and how to put your whole practice on one page."
                ),
            },
            "lessons": [
                {
                    "slug": {
                        "sl": "zascita-vasega-dela",
                        "en": "protecting-your-work",
                    },
                    "title": {
                        "sl": "Zaščita vašega dela: avtorske pravice, modeli in znamke",
                        "en": (
                            "Protecting your work: copyright, designs and trade marks"
                        ),
                    },
                    "minutes": 30,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Avtorska pravica: samodejna, a le za izraz",
                                "en": (
                                    "Copyright: automatic, but only for the expression"
                                ),
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>V Sloveniji, tako kot povsod v EU, avtorska "
                                    "pravica nastane v trenutku, ko ustvarite izvirno "
                                    "delo – risbo, fotografijo, besedilo, skladbo, "
                                    "film, arhitekturni načrt. Ne potrebujete nobene "
                                    "registracije, pristojbine ali znaka ©; zakon vas "
                                    "varuje od stvaritve naprej. Nekateri avtorji delo "
                                    "deponirajo v kakšnem registru ali hranijo "
                                    "datirane datoteke in skice, vendar to le pomaga "
                                    "dokazati, kdaj je delo obstajalo. Pravice ne "
                                    "ustvari.</p>"
                                    "<p>Avtorska pravica varuje <b>izraz</b>, ne "
                                    "zamisli. Zamisel »slikanica o svetilničarju« "
                                    "lahko uporabi kdorkoli, vašega besedila in risb "
                                    "pa nihče ne sme kopirati. V EU avtorska pravica "
                                    "traja za časa avtorjevega življenja in še <b>70 "
                                    "let</b> po njegovi smrti.</p>"
                                ),
                                "en": (
                                    "<p>In Slovenia, as everywhere in the EU, "
                                    "copyright arises the moment you create an "
                                    "original work – a drawing, a photograph, a text, "
                                    "a piece of music, a film, an architectural plan. "
                                    "No registration, fee or © symbol is needed; the "
                                    "law protects you from the moment of creation. "
                                    "Some authors deposit their work with a register "
                                    "or keep dated files and sketches, but this only "
                                    "helps to prove when the work existed. It does not "
                                    "create the right.</p>"
                                    "<p>Copyright protects the <b>expression</b>, not "
                                    "the idea. Anyone may use the idea of ‘a picture "
                                    "book about a lighthouse keeper’; nobody may copy "
                                    "your text and drawings. In the EU, copyright "
                                    "lasts for the author's lifetime and <b>70 "
                                    "years</b> after their death.</p>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Moralne in materialne avtorske pravice",
                                "en": "Moral and economic rights",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Slovenski Zakon o avtorski in sorodnih "
                                    "pravicah (ZASP) loči dve skupini pravic:</p>"
                                    "<ul>"
                                    "<li><b>Moralne avtorske pravice</b> varujejo vašo "
                                    "osebno vez z delom: pravico, da ste navedeni kot "
                                    "avtor, in pravico, da nasprotujete spremembam, ki "
                                    "bi škodile vašemu ugledu. Na nikogar jih ne "
                                    "morete prenesti, tudi če bi želeli.</li>"
                                    "<li><b>Materialne avtorske pravice</b> se "
                                    "nanašajo na uporabo dela: reproduciranje, "
                                    "distribuiranje, predelavo, izvajanje ali dajanje "
                                    "na voljo na spletu. Te lahko prenesete ali zanje "
                                    "podelite licenco – v celoti ali delno, izključno "
                                    "ali neizključno, vsebinsko, prostorsko in časovno "
                                    "omejeno.</li>"
                                    "</ul>"
                                    "<p>Prav to prodajate, ko licencirate ilustracijo "
                                    "ali fotografijo: ne dela »kot celote«, temveč "
                                    "določene pravice uporabe. Ko pa prodate sliko, "
                                    "odtis ali vazo, dobi kupec predmet, ne pa "
                                    "avtorske pravice na njem.</p>"
                                ),
                                "en": (
                                    "<p>The Slovenian Copyright and Related Rights Act "
                                    "(ZASP) distinguishes two groups of rights:</p>"
                                    "<ul>"
                                    "<li><b>Moral rights</b> protect your personal "
                                    "bond with the work: the right to be named as its "
                                    "author and the right to object to changes that "
                                    "would harm your reputation. You cannot transfer "
                                    "them to anyone, even if you wanted to.</li>"
                                    "<li><b>Economic rights</b> concern the use of the "
                                    "work: reproducing, distributing, adapting, "
                                    "performing it or making it available online. "
                                    "These you can transfer or license – in full or in "
                                    "part, exclusively or not, limited in content, "
                                    "territory and time.</li>"
                                    "</ul>"
                                    "<p>This is what you are selling when you license "
                                    "an illustration or a photograph: not the work ‘as "
                                    "a whole’, but specific rights to use it. And when "
                                    "you sell a painting, a print or a vase, the buyer "
                                    "gets the object, not the copyright in it.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Vse zapišite",
                                    "en": "Put it in writing",
                                },
                                "text": {
                                    "sl": (
                                        "Slovenska zakonodaja za avtorske pogodbe "
                                        "praviloma zahteva pisno obliko in jih razlaga "
                                        "ozko: kar s pogodbo ni jasno preneseno, "
                                        "ostane avtorju, in če pogodba ne določa "
                                        "drugače, se šteje, da prenos velja le za "
                                        "Slovenijo. Enostranska licenca, ki navaja, "
                                        "katere uporabe, v katerih medijih, na katerem "
                                        "ozemlju, za koliko časa in ali izključno, "
                                        "varuje tako vas kot naročnika."
                                    ),
                                    "en": (
                                        "Slovenian law as a rule expects author "
                                        "contracts to be in writing, and it reads them "
                                        "narrowly: what the contract does not clearly "
                                        "transfer stays with the author, and if it "
                                        "does not say otherwise, a transfer is "
                                        "presumed to cover Slovenia only. A one-page "
                                        "licence that states which uses, which media, "
                                        "which territory, for how long and whether "
                                        "exclusively protects both you and your client."
                                    ),
                                },
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Modeli in znamke: pravice, ki jih registrirate",
                                "en": "Designs and trade marks: rights you register",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Pri izdelkih avtorska pravica ni vedno dovolj: "
                                    "oblika stola ali svetilke se lahko šteje za "
                                    "izvirno delo ali pa tudi ne, dokazovanje pa je "
                                    "počasno. Zanesljivejši sta dve registrirani "
                                    "pravici:</p>"
                                    "<ul>"
                                    "<li><b>Registrirani model</b> varuje videz "
                                    "izdelka – obliko, linije, barve in okrasje. "
                                    "Registrirate ga lahko pri Uradu RS za "
                                    "intelektualno lastnino ali pa za vso EU pri Uradu "
                                    "Evropske unije za intelektualno lastnino (EUIPO) "
                                    "kot registrirani model EU (prej model Skupnosti). "
                                    "Varstvo traja pet let in ga lahko podaljšujete do "
                                    "skupno 25 let. Model mora biti nov in imeti "
                                    "individualno naravo, a če ga najprej sami "
                                    "pokažete javnosti – na primer na sejmu –, imate "
                                    "od tega prvega razkritja 12 mesecev časa za "
                                    "prijavo. Brez registracije ima model, ki je bil "
                                    "prvič razkrit v EU, krajše neregistrirano "
                                    "varstvo: tri leta in le pred kopiranjem.</li>"
                                    "<li><b>Znamka</b> varuje ime ali logotip, pod "
                                    "katerim poslujete – ime studia, linije izdelkov "
                                    "ali glasbene skupine. Znamka EU, registrirana pri "
                                    "EUIPO, velja deset let in jo lahko podaljšujete "
                                    "neomejeno.</li>"
                                    "</ul>"
                                    "<p>Registracija stane, zato registrirajte tisto, "
                                    "kar boste res prodajali in branili – izdelek, ki "
                                    "gre v proizvodnjo, blagovno znamko, ki jo gradite "
                                    "–, ne pa vsake skice.</p>"
                                ),
                                "en": (
                                    "<p>For products, copyright is not always enough: "
                                    "the shape of a chair or a lamp may or may not "
                                    "count as an original work, and proving it is "
                                    "slow. Two registered rights are more reliable:</p>"
                                    "<ul>"
                                    "<li><b>A registered design</b> protects the "
                                    "appearance of a product – its shape, lines, "
                                    "colours and ornament. You can register it "
                                    "nationally at the Slovenian Intellectual Property "
                                    "Office or, for the whole EU, at the European "
                                    "Union Intellectual Property Office (EUIPO) as a "
                                    "registered EU design (formerly a registered "
                                    "Community design). Protection lasts five years "
                                    "and can be renewed up to a total of 25. The "
                                    "design must be new and have individual character, "
                                    "but if you first show it publicly yourself – at a "
                                    "fair, for example – you have 12 months from that "
                                    "first showing to file. Without registration, a "
                                    "design first shown in the EU gets shorter, "
                                    "unregistered protection: three years, and only "
                                    "against copying.</li>"
                                    "<li><b>A trade mark</b> protects a name or logo "
                                    "you trade under – a studio, a product line, a "
                                    "band. An EU trade mark registered at the EUIPO "
                                    "lasts ten years and can be renewed "
                                    "indefinitely.</li>"
                                    "</ul>"
                                    "<p>Registration costs money, so register what you "
                                    "will actually sell and defend – a product going "
                                    "into production, a brand you are building – not "
                                    "every sketch.</p>"
                                ),
                            },
                        ),
                        (
                            "quiz",
                            {
                                "title": {
                                    "sl": "Preverite svoje znanje o pravicah",
                                    "en": "Check your knowledge of rights",
                                },
                                "pass_mark": 80,
                                "max_attempts": 0,
                                "questions": [
                                    {
                                        "kind": "true_false",
                                        "text": {
                                            "sl": (
                                                "V Sloveniji je vaša ilustracija "
                                                "avtorsko zaščitena šele, ko jo "
                                                "registrirate."
                                            ),
                                            "en": (
                                                "In Slovenia, your illustration is "
                                                "protected by copyright only once you "
                                                "have registered it."
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": "Drži",
                                                    "en": "True",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: avtorska pravica nastane "
                                                        "samodejno, ko je delo "
                                                        "ustvarjeno. Register vam "
                                                        "lahko le pomaga dokazati, "
                                                        "kdaj je delo obstajalo."
                                                    ),
                                                    "en": (
                                                        "No: copyright arises "
                                                        "automatically when the work "
                                                        "is created. A register can "
                                                        "only help you prove when the "
                                                        "work existed."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Ne drži",
                                                    "en": "False",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: v Sloveniji, tako "
                                                        "kot drugod v EU, avtorska "
                                                        "pravica nastane s stvaritvijo "
                                                        "dela, brez registracije."
                                                    ),
                                                    "en": (
                                                        "Correct: in Slovenia, as in "
                                                        "the rest of the EU, copyright "
                                                        "arises with the creation of "
                                                        "the work, without any "
                                                        "registration."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "text": {
                                            "sl": (
                                                "Koliko časa traja avtorska pravica v "
                                                "EU?"
                                            ),
                                            "en": (
                                                "How long does copyright last in the "
                                                "EU?"
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Za časa avtorjevega življenja "
                                                        "in 70 let po njegovi smrti"
                                                    ),
                                                    "en": (
                                                        "For the author's lifetime and "
                                                        "70 years after their death"
                                                    ),
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: rok se šteje od "
                                                        "avtorjeve smrti, zato od "
                                                        "pravice lahko imajo korist "
                                                        "tudi dediči."
                                                    ),
                                                    "en": (
                                                        "Correct: the term is counted "
                                                        "from the author's death, so "
                                                        "the author's heirs also "
                                                        "benefit from it."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "50 let od prve objave",
                                                    "en": (
                                                        "For 50 years from first "
                                                        "publication"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: za avtorska dela se rok v "
                                                        "EU šteje od avtorjeve smrti, "
                                                        "ne od objave."
                                                    ),
                                                    "en": (
                                                        "No: for authors' works the EU "
                                                        "term is counted from the "
                                                        "author's death, not from "
                                                        "publication."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Do 25 let, če jo podaljšujete "
                                                        "vsakih pet let"
                                                    ),
                                                    "en": (
                                                        "Up to 25 years, if renewed "
                                                        "every five years"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "To velja za registrirani "
                                                        "model, ne za avtorsko "
                                                        "pravico. Avtorske pravice ni "
                                                        "treba podaljševati."
                                                    ),
                                                    "en": (
                                                        "That describes a registered "
                                                        "design, not copyright. "
                                                        "Copyright needs no renewal."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Dokler delo tržite",
                                                    "en": (
                                                        "For as long as you keep using "
                                                        "the work commercially"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: avtorska pravica ni "
                                                        "odvisna od uporabe. Traja "
                                                        "določen čas, ne glede na to, "
                                                        "ali delo tržite."
                                                    ),
                                                    "en": (
                                                        "No: copyright does not depend "
                                                        "on use. It has a fixed term, "
                                                        "whether or not you exploit "
                                                        "the work."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "multiple",
                                        "text": {
                                            "sl": (
                                                "Ilustratorka založbi podeli licenco "
                                                "za risbo. Katere od teh pravic lahko "
                                                "prenese ali licencira?"
                                            ),
                                            "en": (
                                                "An illustrator licenses a drawing to "
                                                "a publisher. Which of these rights "
                                                "can she transfer or license?"
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Pravico reproducirati risbo v "
                                                        "knjigi"
                                                    ),
                                                    "en": (
                                                        "The right to reproduce the "
                                                        "drawing in the book"
                                                    ),
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Da: reproduciranje je "
                                                        "materialna pravica, "
                                                        "materialne pravice pa je "
                                                        "mogoče licencirati."
                                                    ),
                                                    "en": (
                                                        "Yes: reproduction is an "
                                                        "economic right, and economic "
                                                        "rights can be licensed."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Pravico dati risbo na voljo "
                                                        "na spletu"
                                                    ),
                                                    "en": (
                                                        "The right to make the drawing "
                                                        "available online"
                                                    ),
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Da: tudi to je materialna "
                                                        "pravica. Posebej se "
                                                        "dogovorite, ali jo licenca "
                                                        "vključuje in za koliko časa."
                                                    ),
                                                    "en": (
                                                        "Yes: this is also an economic "
                                                        "right. Agree separately "
                                                        "whether the licence covers "
                                                        "it, and for how long."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Pravico, da je navedena kot "
                                                        "avtorica"
                                                    ),
                                                    "en": (
                                                        "The right to be named as the "
                                                        "author"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: to je moralna pravica, "
                                                        "moralnih pravic pa po "
                                                        "slovenskem pravu ni mogoče "
                                                        "prenesti."
                                                    ),
                                                    "en": (
                                                        "No: this is a moral right, "
                                                        "and under Slovenian law moral "
                                                        "rights cannot be transferred."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Pravico nasprotovati "
                                                        "spremenjeni različici, ki "
                                                        "škodi njenemu ugledu"
                                                    ),
                                                    "en": (
                                                        "The right to object to a "
                                                        "distorted version that harms "
                                                        "her reputation"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: tudi to je moralna "
                                                        "pravica. Ostane njej, ne "
                                                        "glede na to, kaj piše v "
                                                        "pogodbi."
                                                    ),
                                                    "en": (
                                                        "No: this is also a moral "
                                                        "right. It stays with her "
                                                        "whatever the contract says."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "single",
                                        "text": {
                                            "sl": (
                                                "Oblikovalka pohištva na sejmu Ambient "
                                                "pokaže nov stol, ne da bi prej "
                                                "karkoli prijavila. Kaj drži?"
                                            ),
                                            "en": (
                                                "A furniture designer shows a new "
                                                "chair at the Ambient fair before "
                                                "filing anything. What is true?"
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Registrirani model lahko še "
                                                        "vedno prijavi v 12 mesecih od "
                                                        "prvega razkritja"
                                                    ),
                                                    "en": (
                                                        "She can still apply for a "
                                                        "registered design within 12 "
                                                        "months of first showing it"
                                                    ),
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: njeno lastno "
                                                        "razkritje ne uniči novosti "
                                                        "modela, če prijavo vloži v "
                                                        "teh 12 mesecih."
                                                    ),
                                                    "en": (
                                                        "Correct: her own disclosure "
                                                        "does not destroy the novelty "
                                                        "of the design, provided she "
                                                        "files within those 12 months."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Izgubila je vsako možnost "
                                                        "registracije, ker stol ni več "
                                                        "nov"
                                                    ),
                                                    "en": (
                                                        "She has lost any chance of "
                                                        "registering it, because it is "
                                                        "no longer new"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: 12-mesečni rok je "
                                                        "namenjen prav takim primerom."
                                                    ),
                                                    "en": (
                                                        "No: the 12-month grace period "
                                                        "exists for exactly this "
                                                        "situation."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Avtorska pravica zdaj varuje "
                                                        "zamisel njenega stola, zato "
                                                        "podobnega ne sme izdelati "
                                                        "nihče"
                                                    ),
                                                    "en": (
                                                        "Copyright now protects the "
                                                        "idea of her chair, so nobody "
                                                        "may make a similar one"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: avtorska pravica nikoli "
                                                        "ne varuje zamisli, pa tudi ni "
                                                        "gotovo, da oblika stola šteje "
                                                        "za izvirno delo."
                                                    ),
                                                    "en": (
                                                        "No: copyright never protects "
                                                        "ideas, and whether a chair's "
                                                        "shape counts as an original "
                                                        "work is uncertain."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": (
                                                        "Znamka njenega studia "
                                                        "samodejno varuje tudi obliko "
                                                        "stola"
                                                    ),
                                                    "en": (
                                                        "Her studio's trade mark "
                                                        "automatically covers the "
                                                        "chair's shape"
                                                    ),
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: znamka varuje znake, kot "
                                                        "sta ime in logotip, ne pa "
                                                        "samodejno tudi videza izdelka."
                                                    ),
                                                    "en": (
                                                        "No: a trade mark protects "
                                                        "signs such as names and "
                                                        "logos, not automatically the "
                                                        "look of a product."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                    {
                                        "kind": "true_false",
                                        "text": {
                                            "sl": (
                                                "Če je naročnik plačal naročeno "
                                                "ilustracijo, jo lahko uporablja, "
                                                "kakor želi, tudi če pogodba o uporabi "
                                                "ne pove ničesar."
                                            ),
                                            "en": (
                                                "If a client has paid for a "
                                                "commissioned illustration, they may "
                                                "use it however they like, even if the "
                                                "contract says nothing about use."
                                            ),
                                        },
                                        "answers": [
                                            {
                                                "text": {
                                                    "sl": "Drži",
                                                    "en": "True",
                                                },
                                                "correct": False,
                                                "feedback": {
                                                    "sl": (
                                                        "Ne: plačilo dela samo po sebi "
                                                        "ne prenese vseh materialnih "
                                                        "pravic. Slovensko pravo "
                                                        "prenose razlaga ozko, zato se "
                                                        "je treba o obsegu uporabe "
                                                        "dogovoriti."
                                                    ),
                                                    "en": (
                                                        "No: paying for the work does "
                                                        "not by itself transfer all "
                                                        "economic rights. Slovenian "
                                                        "law reads transfers narrowly, "
                                                        "so the scope of use must be "
                                                        "agreed."
                                                    ),
                                                },
                                            },
                                            {
                                                "text": {
                                                    "sl": "Ne drži",
                                                    "en": "False",
                                                },
                                                "correct": True,
                                                "feedback": {
                                                    "sl": (
                                                        "Pravilno: kar ni jasno "
                                                        "preneseno, ostane avtorju. "
                                                        "Zato naj vsaka ponudba in "
                                                        "pogodba navaja obseg uporabe."
                                                    ),
                                                    "en": (
                                                        "Correct: what is not clearly "
                                                        "transferred stays with the "
                                                        "author. That is why every "
                                                        "quote and contract should "
                                                        "state the scope of use."
                                                    ),
                                                },
                                            },
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": {
                        "sl": "financiranje-ustvarjalnega-projekta",
                        "en": "funding-a-creative-project",
                    },
                    "title": {
                        "sl": "Financiranje ustvarjalnega projekta",
                        "en": "Funding a creative project",
                    },
                    "minutes": 30,
                    "required": True,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Denar naj ustreza projektu",
                                "en": "Match the money to the project",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Vsak vir financiranja prinaša pogoje, pravi pa "
                                    "je odvisen od tega, kaj financirate. Glavne "
                                    "možnosti za ustvarjalne projekte:</p>"
                                    "<ul>"
                                    "<li><b>Predplačila naročnikov:</b> pri naročilih "
                                    "najpreprostejši način financiranja. S 30–50 % "
                                    "predplačila ob podpisu, plačili po fazah in "
                                    "končnim plačilom ob predaji nikoli ne financirate "
                                    "naročnikovega projekta s svojim denarjem.</li>"
                                    "<li><b>Predprodaja:</b> prodaja nečesa, preden je "
                                    "izdelano – serije pohištva trgovinam na podlagi "
                                    "prototipa ali albuma oboževalcem.</li>"
                                    "<li><b>Množično financiranje:</b> javna oblika "
                                    "predprodaje na spletni platformi, z nagradami "
                                    "namesto deležev v podjetju. Medtem ko zbirate "
                                    "denar, hkrati preverjate tudi povpraševanje.</li>"
                                    "<li><b>Nepovratna sredstva:</b> ni jih treba "
                                    "vrniti, so pa vezana na cilje programa, roke in "
                                    "poročanje. Običajno pokrijejo le del stroškov, "
                                    "preostanek morate zagotoviti sami.</li>"
                                    "<li><b>Posojila in garancije:</b> pri bankah ali "
                                    "javnih skladih, kot je Slovenski podjetniški "
                                    "sklad. Vrniti jih je treba z obrestmi, zato so "
                                    "primerna za naložbe, ki bodo prinašale prihodke, "
                                    "na primer za novo peč za keramiko.</li>"
                                    "</ul>"
                                ),
                                "en": (
                                    "<p>Every source of funding comes with conditions, "
                                    "and the right one depends on what you are "
                                    "funding. The main options for creative "
                                    "projects:</p>"
                                    "<ul>"
                                    "<li><b>Client advances:</b> for commissions, the "
                                    "simplest form of funding. With an advance of "
                                    "30–50% on signing, staged payments and a final "
                                    "payment on delivery, you never finance a client's "
                                    "project with your own money.</li>"
                                    "<li><b>Pre-sales:</b> selling something before it "
                                    "is made – a furniture series to shops on the "
                                    "strength of a prototype, or an album to fans.</li>"
                                    "<li><b>Crowdfunding:</b> a public form of "
                                    "pre-selling on an online platform, with rewards "
                                    "rather than shares. It tests demand while it "
                                    "raises money.</li>"
                                    "<li><b>Grants:</b> non-repayable, but tied to a "
                                    "programme's goals, deadlines and reporting. They "
                                    "usually cover only part of the costs; you must "
                                    "find the rest.</li>"
                                    "<li><b>Loans and guarantees:</b> from banks or "
                                    "public funds such as the Slovenian Enterprise "
                                    "Fund. They must be repaid with interest, so they "
                                    "suit investments that will earn money, such as a "
                                    "new kiln.</li>"
                                    "</ul>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Razpisi in javna sredstva",
                                "en": "Grants and public calls",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p><b>Ustvarjalna Evropa</b> je program EU za "
                                    "kulturni in ustvarjalni sektor. Podprogram "
                                    "Kultura med drugim podpira projekte sodelovanja "
                                    "med organizacijami iz več držav, podprogram MEDIA "
                                    "pa avdiovizualno industrijo, vključno z razvojem "
                                    "filmov in serij pri neodvisnih producentskih "
                                    "hišah. Večina sredstev Ustvarjalne Evrope je "
                                    "namenjena organizacijam in partnerstvom, ne "
                                    "posameznikom, zato samostojni ustvarjalec "
                                    "običajno sodeluje kot partner ali prek podjetja. "
                                    "Prijaviteljem brezplačno svetuje Creative Europe "
                                    "Desk Slovenija.</p>"
                                    "<p>Na nacionalni in lokalni ravni spremljajte "
                                    "razpise Ministrstva za kulturo, Slovenskega "
                                    "filmskega centra (za film), Mestne občine "
                                    "Ljubljana in drugih občin. Razpisi se vsako leto "
                                    "spreminjajo, zato vedno preverite veljavne "
                                    "pogoje.</p>"
                                    "<p>Pred prijavo preverite tri stvari: ali je vaš "
                                    "projekt upravičen do sredstev, ali lahko "
                                    "financirate svoj delež in obdobje, preden bodo "
                                    "sredstva izplačana, in ali boste zmogli "
                                    "poročanje.</p>"
                                ),
                                "en": (
                                    "<p><b>Creative Europe</b> is the EU programme for "
                                    "the cultural and creative sectors. Its Culture "
                                    "strand supports, among other things, cooperation "
                                    "projects between organisations from several "
                                    "countries; its MEDIA strand supports the "
                                    "audiovisual industry, including the development "
                                    "of films and series by independent production "
                                    "companies. Most Creative Europe funding goes to "
                                    "organisations and partnerships rather than "
                                    "individuals, so a freelancer usually takes part "
                                    "as a partner or through a company. Creative "
                                    "Europe Desk Slovenia advises applicants free of "
                                    "charge.</p>"
                                    "<p>At national and local level, follow the calls "
                                    "of the Ministry of Culture, the Slovenian Film "
                                    "Centre (for film), the City of Ljubljana and "
                                    "other municipalities. Calls change every year, so "
                                    "always check the current conditions.</p>"
                                    "<p>Before you apply, check three things: is your "
                                    "project eligible, can you finance your own share "
                                    "and the period before the grant is paid, and can "
                                    "you cope with the reporting?</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": (
                                        "Množično financiranje: najprej izračunajte "
                                        "stroške"
                                    ),
                                    "en": "Crowdfunding: count the costs first",
                                },
                                "text": {
                                    "sl": (
                                        "Glasbena skupina želi izdati 500 vinilnih "
                                        "plošč in si postavi cilj 6.000 €. Najprej "
                                        "proračun: stiskanje plošč in ovitki, nagrade, "
                                        "poštnina in embalaža, DDV ter provizije "
                                        "platforme in ponudnika plačil (preverite "
                                        "njihovo trenutno višino). Če nagrade, "
                                        "poštnina, DDV in provizije od 6.000 € vzamejo "
                                        "2.000 €, vam za stiskanje ostane le 4.000 €, "
                                        "zato cilj izračunajte iz stroškov in ga ne "
                                        "določite kot okroglo številko. Večino kampanj "
                                        "financirajo ljudje, ki vas že poznajo, zato "
                                        "si seznam naslovnikov zgradite, preden "
                                        "kampanjo začnete."
                                    ),
                                    "en": (
                                        "A band wants to press 500 vinyl records and "
                                        "sets a target of €6,000. Budget first: "
                                        "pressing and sleeves, rewards, postage and "
                                        "packaging, VAT, and the fees of the platform "
                                        "and the payment provider (check their current "
                                        "rates). If rewards, postage, VAT and fees "
                                        "take €2,000 of the €6,000, only €4,000 is "
                                        "left for pressing – so set the target from "
                                        "your costs, not as a round number. Most "
                                        "campaigns are funded by people who already "
                                        "know you, so build your mailing list before "
                                        "the launch."
                                    ),
                                },
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Denarni tok: kdaj denar pride",
                                "en": "Cash flow: when the money arrives",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Pri financiranju ni pomembno le, koliko "
                                    "denarja dobite, temveč tudi, kdaj. "
                                    "Dokumentaristka Jerneja ima proračun 60.000 €: "
                                    "36.000 € od javnega filmskega sklada, 12.000 € od "
                                    "televizije, 7.000 € od fundacije in 5.000 € v "
                                    "obliki lastnega neplačanega dela. Sklad plača 40 "
                                    "% ob podpisu pogodbe, 40 % po grobi montaži in 20 "
                                    "% po končnem poročilu. Fundacija plača na "
                                    "začetku, televizija ob predaji filma.</p>"
                                    "<p>Šest mesecev snemanja stane 4.500 € na mesec, "
                                    "skupaj 27.000 €. Do takrat prejme le 21.400 € "
                                    "(14.400 € od sklada in 7.000 € od fundacije), "
                                    "zato ji do grobe montaže manjka 5.600 € – čeprav "
                                    "je projekt na papirju v celoti financiran. Njene "
                                    "možnosti: televizijo prosi za del plačila ob "
                                    "podpisu, snemanje raztegne na daljše obdobje ali "
                                    "uredi kratkoročno premostitveno posojilo. Mesečna "
                                    "preglednica prilivov in odlivov pokaže take "
                                    "vrzeli, preden postanejo kriza.</p>"
                                ),
                                "en": (
                                    "<p>With funding, it matters not only how much you "
                                    "get but also when. Jerneja, a documentary film "
                                    "maker, has a budget of €60,000: €36,000 from a "
                                    "public film fund, €12,000 from a broadcaster, "
                                    "€7,000 from a foundation and €5,000 in her own "
                                    "unpaid work. The fund pays 40% on signing, 40% "
                                    "after the rough cut and 20% after the final "
                                    "report. The foundation pays at the start, the "
                                    "broadcaster on delivery.</p>"
                                    "<p>Six months of shooting cost €4,500 a month, "
                                    "€27,000 in all. By then only €21,400 has come in "
                                    "(€14,400 from the fund and €7,000 from the "
                                    "foundation), so until the rough cut she is €5,600 "
                                    "short – even though the project is fully financed "
                                    "on paper. Her options: ask the broadcaster for "
                                    "part of its fee on signing, spread the shoot over "
                                    "a longer period, or arrange a short bridging "
                                    "loan. A monthly table of money in and money out "
                                    "shows such gaps before they become a crisis.</p>"
                                ),
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Prva nepovratna sredstva so nam skoraj zaprla "
                                        "biro. Razpis smo dobili marca, denar je "
                                        "prišel oktobra, vmes pa smo zunanje sodelavce "
                                        "plačevali s svojega računa. Zdaj pri vsakem "
                                        "razpisu najprej preverimo, kdaj bodo sredstva "
                                        "izplačana, šele nato, koliko jih je."
                                    ),
                                    "en": (
                                        "Our first grant almost closed the studio. We "
                                        "won it in March, the money arrived in "
                                        "October, and in between we paid our "
                                        "collaborators out of our own account. Now we "
                                        "always check first when a grant pays out, and "
                                        "only then how much."
                                    ),
                                },
                                "attribution": {
                                    "sl": (
                                        "Nina, soustanoviteljica majhnega "
                                        "arhitekturnega biroja"
                                    ),
                                    "en": (
                                        "Nina, co-founder of a small architecture "
                                        "studio"
                                    ),
                                },
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Financirajte svoj naslednji projekt",
                                    "en": "Fund your next project",
                                },
                                "prompt": {
                                    "sl": (
                                        "Opišite projekt, ki ga želite izvesti v "
                                        "naslednjem letu, in njegov skupni proračun. "
                                        "Naštejte vsaj tri vire financiranja, ki bi "
                                        "jih lahko združili, z zneski. Nato pripravite "
                                        "preprosto mesečno preglednico denarnega toka: "
                                        "kdaj pride vsako plačilo in kdaj zapade vsak "
                                        "večji strošek. V katerem mesecu je vrzel "
                                        "največja in kako jo boste pokrili?"
                                    ),
                                    "en": (
                                        "Describe a project you want to carry out in "
                                        "the next year and its total budget. List at "
                                        "least three funding sources you could "
                                        "combine, with amounts. Then draw up a simple "
                                        "monthly cash-flow table: when each payment "
                                        "arrives and when each large cost is due. In "
                                        "which month is the gap largest, and how will "
                                        "you cover it?"
                                    ),
                                },
                            },
                        ),
                    ],
                },
                {
                    "slug": {
                        "sl": "poslovni-model-na-eni-strani",
                        "en": "one-page-business-model",
                    },
                    "title": {
                        "sl": "Vaš poslovni model na eni strani",
                        "en": "Your business model on one page",
                    },
                    "minutes": 35,
                    "required": False,
                    "body": [
                        (
                            "heading",
                            {
                                "sl": "Devet polj, ena stran",
                                "en": "Nine boxes, one page",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Platno poslovnega modela (angl. <i>business "
                                    "model canvas</i>), ki sta ga razvila Alexander "
                                    "Osterwalder in Yves Pigneur, v devetih poljih na "
                                    "eni strani opiše, kako organizacija ustvarja, "
                                    "dostavlja in zajema vrednost. Razširjeno je, ker "
                                    "ga lahko obesite na steno in ker vas prisili, da "
                                    "vidite, kako so deli med seboj odvisni. Za "
                                    "ustvarjalno prakso je koristno, da polja "
                                    "ubesedite po svoje; večina se opira na eno od "
                                    "prejšnjih lekcij tega tečaja, zato imejte pri "
                                    "roki svoje odgovore na vaje:</p>"
                                    "<ol>"
                                    "<li><b>Segmenti kupcev:</b> dve ali tri skupine, "
                                    "ki jim služite.</li>"
                                    "<li><b>Ponudba vrednosti:</b> za kaj vam vsak "
                                    "segment v resnici plača.</li>"
                                    "<li><b>Prodajne poti:</b> kako vas vsak segment "
                                    "najde, kupi in prejme vaše delo.</li>"
                                    "<li><b>Odnosi s kupci:</b> enkratna naročila, "
                                    "stalni naročniki, skupnost oboževalcev, mesečni "
                                    "pavšal.</li>"
                                    "<li><b>Prihodki:</b> honorarji, prodaja izdelkov, "
                                    "licenčnine in deleži od prodaje, nepovratna "
                                    "sredstva – z okvirnimi letnimi zneski.</li>"
                                    "<li><b>Ključni viri:</b> vaše znanje, studio in "
                                    "oprema, portfolio ter pravice na vašem delu.</li>"
                                    "<li><b>Ključne dejavnosti:</b> kaj morate delati "
                                    "dobro – ne le ustvarjati, temveč tudi prodajati, "
                                    "izdelovati in urejati administracijo.</li>"
                                    "<li><b>Ključni partnerji:</b> proizvajalci, "
                                    "tiskarne, galerije, agenti, koproducenti, drugi "
                                    "samostojni ustvarjalci.</li>"
                                    "<li><b>Struktura stroškov:</b> stroški "
                                    "poslovanja, proizvodni stroški in vaše lastno "
                                    "plačilo.</li>"
                                    "</ol>"
                                ),
                                "en": (
                                    "<p>The business model canvas, developed by "
                                    "Alexander Osterwalder and Yves Pigneur, describes "
                                    "in nine boxes on a single page how an "
                                    "organisation creates, delivers and captures "
                                    "value. It is widely used because it fits on a "
                                    "wall and makes you see how the parts depend on "
                                    "one another. For creative practice it helps to "
                                    "phrase the boxes in your own terms; most of them "
                                    "draw on an earlier lesson of this course, so keep "
                                    "your exercise answers to hand:</p>"
                                    "<ol>"
                                    "<li><b>Customer segments:</b> the two or three "
                                    "groups you serve.</li>"
                                    "<li><b>Value proposition:</b> what each segment "
                                    "actually pays you for.</li>"
                                    "<li><b>Channels:</b> how each segment finds, buys "
                                    "and receives your work.</li>"
                                    "<li><b>Customer relationships:</b> one-off "
                                    "commissions, regular clients, a community of "
                                    "fans, a monthly retainer.</li>"
                                    "<li><b>Revenue streams:</b> fees, product sales, "
                                    "licences and royalties, grants – with rough "
                                    "annual amounts.</li>"
                                    "<li><b>Key resources:</b> your skills, studio and "
                                    "equipment, portfolio, and the rights in your "
                                    "work.</li>"
                                    "<li><b>Key activities:</b> what you must do well "
                                    "– not only creating, but also selling, producing "
                                    "and running the administration.</li>"
                                    "<li><b>Key partners:</b> manufacturers, printers, "
                                    "galleries, agents, co-producers, other "
                                    "freelancers.</li>"
                                    "<li><b>Cost structure:</b> your overheads, "
                                    "production costs and your own pay.</li>"
                                    "</ol>"
                                ),
                            },
                        ),
                        (
                            "heading",
                            {
                                "sl": "Primer: keramični studio",
                                "en": "An example: a ceramics studio",
                            },
                        ),
                        (
                            "text",
                            {
                                "sl": (
                                    "<p>Anin studio na kratko. <b>Segmenti:</b> "
                                    "restavracije v Ljubljani in na Obali (B2B); "
                                    "ljubitelji oblikovanja, ki kupujejo darila (B2C). "
                                    "<b>Vrednost:</b> posoda, ki preživi profesionalno "
                                    "kuhinjo in jo gostje še vedno fotografirajo; za "
                                    "zasebne kupce ročno izdelan kos z zgodbo. "
                                    "<b>Poti:</b> osebni obiski pri šefih kuhinj, "
                                    "priporočila, spletna trgovina in dva "
                                    "prednovoletna sejma. <b>Odnosi:</b> restavracije "
                                    "znova naročajo vsakih nekaj mesecev, zasebni "
                                    "kupci prejemajo njene e-novice. <b>Prihodki:</b> "
                                    "približno 60 % od restavracij, 30 % od spletne "
                                    "trgovine in sejmov, 10 % od delavnic. "
                                    "<b>Viri:</b> njeno znanje, peč in recept za "
                                    "glazuro, ki prestane pomivalni stroj. "
                                    "<b>Dejavnosti:</b> izdelovanje, preizkušanje "
                                    "glazur, obiski restavracij, pakiranje in "
                                    "pošiljanje. <b>Partnerji:</b> dobavitelj gline, "
                                    "kurirska služba, kuhar, ki jo priporoča. "
                                    "<b>Stroški:</b> najemnina studia, energija za "
                                    "žganje, materiali, njeno lastno plačilo.</p>"
                                    "<p>Na eni strani so šibke točke očitne: njen "
                                    "najdonosnejši segment je odvisen od priporočil "
                                    "enega človeka, in če se ji edina peč pokvari, "
                                    "proizvodnja stoji. Prav za to je platno: da take "
                                    "stvari opazite.</p>"
                                ),
                                "en": (
                                    "<p>Ana's studio in brief. <b>Segments:</b> "
                                    "restaurants in Ljubljana and on the coast (B2B); "
                                    "design lovers buying gifts (B2C). <b>Value:</b> "
                                    "tableware that survives a professional kitchen "
                                    "and still gets photographed; for private buyers, "
                                    "a handmade piece with a story. <b>Channels:</b> "
                                    "visiting chefs in person, referrals, her web shop "
                                    "and two Christmas fairs. <b>Relationships:</b> "
                                    "restaurants reorder every few months; private "
                                    "buyers get her newsletter. <b>Revenue:</b> about "
                                    "60% from restaurants, 30% from the web shop and "
                                    "fairs, 10% from workshops. <b>Resources:</b> her "
                                    "skills, a kiln, and a glaze recipe that survives "
                                    "the dishwasher. <b>Activities:</b> making, "
                                    "testing glazes, visiting restaurants, packing and "
                                    "shipping. <b>Partners:</b> a clay supplier, a "
                                    "courier, a chef who recommends her. <b>Costs:</b> "
                                    "studio rent, energy for firing, materials, her "
                                    "own pay.</p>"
                                    "<p>On one page the weak spots are obvious: her "
                                    "most profitable segment depends on one person's "
                                    "recommendations, and if her only kiln breaks "
                                    "down, production stops. Spotting this is what the "
                                    "canvas is for.</p>"
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "title": {
                                    "sl": "Preverite, ali se polja ujemajo",
                                    "en": "Check that the boxes fit together",
                                },
                                "text": {
                                    "sl": (
                                        "Platno preberite počez: ali ima vsak segment "
                                        "svojo ponudbo vrednosti, prodajno pot in vir "
                                        "prihodkov? Ali se vsaka ključna dejavnost "
                                        "pozna v stroških, vključno z vašim časom? Če "
                                        "segment ne prinaša denarja ali če strošek ne "
                                        "podpira ničesar na strani prihodkov, ste "
                                        "našli svojo prvo odločitev."
                                    ),
                                    "en": (
                                        "Read the canvas across: does each segment "
                                        "have its own value proposition, channel and "
                                        "revenue stream? Does each key activity show "
                                        "up in your costs, including your time? If a "
                                        "segment brings in no money, or a cost "
                                        "supports nothing on the revenue side, you "
                                        "have found your first decision."
                                    ),
                                },
                            },
                        ),
                        (
                            "quote",
                            {
                                "text": {
                                    "sl": (
                                        "Platno sem izpolnil dvakrat: enkrat za "
                                        "studio, ki sem ga imel, in enkrat za studio, "
                                        "ki sem si ga želel. Razlike med njima so "
                                        "postale moj načrt za naslednje leto."
                                    ),
                                    "en": (
                                        "I filled in the canvas twice: once for the "
                                        "studio I had and once for the studio I "
                                        "wanted. The differences between the two "
                                        "became my plan for the following year."
                                    ),
                                },
                                "attribution": {
                                    "sl": "Matej, grafični oblikovalec",
                                    "en": "Matej, graphic designer",
                                },
                            },
                        ),
                        (
                            "exercise",
                            {
                                "title": {
                                    "sl": "Vaš poslovni model na eni strani",
                                    "en": "Your one-page business model",
                                },
                                "prompt": {
                                    "sl": (
                                        "Izpolnite devet polj za svojo prakso in pri "
                                        "tem uporabite odgovore na prejšnje vaje. V "
                                        "vsako polje zapišite največ tri kratke točke, "
                                        "z zneski, kjer jih imate. Nato odgovorite na "
                                        "dve vprašanji: katero polje je vaš "
                                        "najšibkejši člen in katero spremembo boste "
                                        "zaradi tega uvedli v naslednjih treh mesecih?"
                                    ),
                                    "en": (
                                        "Fill in the nine boxes for your own practice, "
                                        "using your answers to the earlier exercises. "
                                        "Write no more than three short points per "
                                        "box, with amounts where you have them. Then "
                                        "answer two questions: which box is your "
                                        "weakest link, and what one change will you "
                                        "make in the next three months because of it?"
                                    ),
                                },
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}
