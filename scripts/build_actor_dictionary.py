# ruff: noqa: E501  (the STATES table is data, one state per line)
"""Generate ``analysis/resources/actors_states.yaml`` and ``actors_places.yaml``.

``actors_states.yaml``: every state and its capital(s); ``actors_places.yaml``: dependent
territories, regions, seas, sub-national places and large cities.

Run from the repository root after editing the tables below:

    .venv/bin/python scripts/build_actor_dictionary.py            # writes the YAML
    .venv/bin/python scripts/build_actor_dictionary.py --check    # exit 1 if it is stale

The product never runs this script: the generated YAML files are committed and read at
run time.

Sources:
* pycountry (ISO 3166-1): the ISO short name, official name and common name, kept only when they
  read naturally in news (ISO's inverted forms such as "Korea, Democratic People's Republic of"
  are dropped; "the State of Eritrea" loses its "the");
* the ``STATES`` table below (hand-written): everyday names and abbreviations, demonyms and
  nationality nouns, capitals and seats of government, other metonyms (seats of power).

Which states: the 193 UN member states, the two UN observer states (Holy See, Palestine), and
Kosovo (``state:XKX``, user-assigned code) and Taiwan (``state:TWN``), which news treat as states
although they are not UN members. Dependent territories (Greenland, Puerto Rico, Hong Kong…) and
the Cook Islands and Niue (not UN members) are not states: they are places in
``actors_places.yaml``, linked to their sovereign state.

Other places (``TERRITORIES``, ``REGIONS``, ``US_STATES``, ``CITIES``): besides being actors, they
keep a longer name from being read as a state ("Northern Ireland", "Indian Ocean", "New Mexico",
"South China Sea", "Latin America").

Former states (``FORMER_STATES``: Soviet Union, Yugoslavia, East Germany, Czechoslovakia) are
states too, described as "former state (…)", so that "Soviet" is not counted as Russia.

Capitals: each capital or seat of government becomes a ``place`` actor linked to its state and,
unless its name is ambiguous (``NO_METONYM``), a metonym of the state. City-states (Monaco,
Singapore, the Holy See) have no separate capital actor.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.article import slugify  # noqa: E402

OUTPUT_DIR = ROOT / "analysis" / "resources"

OBSERVERS = {"VAT", "PSE"}
NON_UN = {"XKX", "TWN"}

# code | names (first = display name; abbreviations too) | adjectivals (demonyms, nationality
# nouns) | capitals (first = the capital, then other seats; ``/`` separates spellings of one
# place) | other metonyms (seats of power).  ``;`` separates items.
STATES = """
AFG | Afghanistan | Afghan; Afghans | Kabul |
AGO | Angola | Angolan; Angolans | Luanda |
ALB | Albania | Albanian; Albanians | Tirana/Tiranë |
AND | Andorra | Andorran; Andorrans | Andorra la Vella |
ARE | United Arab Emirates; UAE; U.A.E. | Emirati; Emiratis | Abu Dhabi |
ARG | Argentina | Argentine; Argentinian; Argentines; Argentinians | Buenos Aires | Casa Rosada
ARM | Armenia | Armenian; Armenians | Yerevan |
ATG | Antigua and Barbuda; Antigua | Antiguan; Antiguans | St. John's/Saint John's |
AUS | Australia; Commonwealth of Australia | Australian; Australians; Aussie; Aussies | Canberra |
AUT | Austria | Austrian; Austrians | Vienna |
AZE | Azerbaijan | Azerbaijani; Azerbaijanis; Azeri; Azeris | Baku |
BDI | Burundi | Burundian; Burundians | Gitega; Bujumbura |
BEL | Belgium | Belgian; Belgians | Brussels |
BEN | Benin | Beninese | Porto-Novo; Cotonou |
BFA | Burkina Faso; Burkina | Burkinabe; Burkinabè | Ouagadougou |
BGD | Bangladesh | Bangladeshi; Bangladeshis | Dhaka |
BGR | Bulgaria | Bulgarian; Bulgarians | Sofia |
BHR | Bahrain | Bahraini; Bahrainis | Manama |
BHS | Bahamas; The Bahamas | Bahamian; Bahamians | Nassau |
BIH | Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia; BiH | Bosnian; Bosnians | Sarajevo |
BLR | Belarus | Belarusian; Belarusians; Belarussian | Minsk |
BLZ | Belize | Belizean; Belizeans | Belmopan |
BOL | Bolivia | Bolivian; Bolivians | Sucre; La Paz |
BRA | Brazil | Brazilian; Brazilians | Brasília/Brasilia | Planalto
BRB | Barbados | Barbadian; Barbadians; Bajan | Bridgetown |
BRN | Brunei; Brunei Darussalam | Bruneian; Bruneians | Bandar Seri Begawan |
BTN | Bhutan | Bhutanese | Thimphu |
BWA | Botswana | Motswana; Batswana; Botswanan | Gaborone |
CAF | Central African Republic; CAR | Central African; Central Africans | Bangui |
CAN | Canada | Canadian; Canadians | Ottawa |
CHE | Switzerland | Swiss | Bern/Berne |
CHL | Chile | Chilean; Chileans | Santiago | La Moneda
CHN | China; PRC; P.R.C.; Mainland China | Chinese | Beijing | Zhongnanhai
CIV | Ivory Coast; Côte d'Ivoire; Cote d'Ivoire | Ivorian; Ivorians | Yamoussoukro; Abidjan |
CMR | Cameroon | Cameroonian; Cameroonians | Yaoundé/Yaounde |
COD | Democratic Republic of the Congo; Democratic Republic of Congo; DR Congo; DRC; D.R.C.; Congo-Kinshasa; Congo | Congolese | Kinshasa |
COG | Republic of the Congo; Republic of Congo; Congo-Brazzaville; Congo | Congolese | Brazzaville |
COL | Colombia | Colombian; Colombians | Bogotá/Bogota |
COM | Comoros; Union of the Comoros | Comorian; Comorians | Moroni |
CPV | Cape Verde; Cabo Verde | Cape Verdean; Cape Verdeans; Cabo Verdean | Praia |
CRI | Costa Rica | Costa Rican; Costa Ricans | San José/San Jose |
CUB | Cuba | Cuban; Cubans | Havana |
CYP | Cyprus | Cypriot; Cypriots | Nicosia |
CZE | Czech Republic; Czechia | Czech; Czechs | Prague |
DEU | Germany | German; Germans | Berlin |
DJI | Djibouti | Djiboutian; Djiboutians | Djibouti City |
DMA | Dominica | Dominican | Roseau |
DNK | Denmark | Danish; Dane; Danes | Copenhagen |
DOM | Dominican Republic | Dominican; Dominicans | Santo Domingo |
DZA | Algeria | Algerian; Algerians | Algiers |
ECU | Ecuador | Ecuadorian; Ecuadorians; Ecuadorean | Quito |
EGY | Egypt | Egyptian; Egyptians | Cairo |
ERI | Eritrea | Eritrean; Eritreans | Asmara |
ESP | Spain | Spanish; Spaniard; Spaniards | Madrid | Moncloa
EST | Estonia | Estonian; Estonians | Tallinn |
ETH | Ethiopia | Ethiopian; Ethiopians | Addis Ababa |
FIN | Finland | Finnish; Finn; Finns | Helsinki |
FJI | Fiji | Fijian; Fijians | Suva |
FRA | France | French; Frenchman; Frenchmen; Frenchwoman | Paris | Élysée; Elysee; Élysée Palace; Elysee Palace; Quai d'Orsay
FSM | Micronesia; Federated States of Micronesia | Micronesian; Micronesians | Palikir |
GAB | Gabon | Gabonese | Libreville |
GBR | United Kingdom; Britain; Great Britain; UK; U.K. | British; Briton; Britons; Brit; Brits | London | Downing Street; Whitehall; Westminster
GEO | Georgia | Georgian; Georgians | Tbilisi |
GHA | Ghana | Ghanaian; Ghanaians | Accra |
GIN | Guinea; Guinea-Conakry | Guinean; Guineans | Conakry |
GMB | Gambia; The Gambia | Gambian; Gambians | Banjul |
GNB | Guinea-Bissau | Bissau-Guinean; Bissau-Guineans | Bissau |
GNQ | Equatorial Guinea | Equatorial Guinean; Equatoguinean | Malabo |
GRC | Greece | Greek; Greeks | Athens |
GRD | Grenada | Grenadian; Grenadians | St. George's/Saint George's |
GTM | Guatemala | Guatemalan; Guatemalans | Guatemala City |
GUY | Guyana | Guyanese | Georgetown |
HND | Honduras | Honduran; Hondurans | Tegucigalpa |
HRV | Croatia | Croatian; Croatians; Croat; Croats | Zagreb |
HTI | Haiti | Haitian; Haitians | Port-au-Prince |
HUN | Hungary | Hungarian; Hungarians | Budapest |
IDN | Indonesia | Indonesian; Indonesians | Jakarta |
IND | India; Bharat | Indian; Indians | New Delhi |
IRL | Ireland; Republic of Ireland | Irish | Dublin |
IRN | Iran | Iranian; Iranians | Tehran/Teheran |
IRQ | Iraq | Iraqi; Iraqis | Baghdad |
ISL | Iceland | Icelandic; Icelander; Icelanders | Reykjavík/Reykjavik |
ISR | Israel | Israeli; Israelis | Jerusalem |
ITA | Italy | Italian; Italians | Rome | Palazzo Chigi
JAM | Jamaica | Jamaican; Jamaicans | Kingston |
JOR | Jordan | Jordanian; Jordanians | Amman |
JPN | Japan | Japanese | Tokyo |
KAZ | Kazakhstan | Kazakh; Kazakhs; Kazakhstani; Kazakhstanis | Astana |
KEN | Kenya | Kenyan; Kenyans | Nairobi |
KGZ | Kyrgyzstan | Kyrgyz; Kyrgyzstani | Bishkek |
KHM | Cambodia | Cambodian; Cambodians | Phnom Penh |
KIR | Kiribati | I-Kiribati | South Tarawa/Tarawa |
KNA | Saint Kitts and Nevis; St. Kitts and Nevis; St Kitts and Nevis | Kittitian; Nevisian | Basseterre |
KOR | South Korea; Republic of Korea; ROK; R.O.K.; Korea | South Korean; South Koreans; Korean; Koreans | Seoul |
KWT | Kuwait | Kuwaiti; Kuwaitis | Kuwait City |
LAO | Laos; Lao PDR | Lao; Laotian; Laotians | Vientiane |
LBN | Lebanon | Lebanese | Beirut |
LBR | Liberia | Liberian; Liberians | Monrovia |
LBY | Libya | Libyan; Libyans | Tripoli |
LCA | Saint Lucia; St. Lucia; St Lucia | Saint Lucian; St. Lucian; Saint Lucians | Castries |
LIE | Liechtenstein | Liechtensteiner; Liechtensteiners | Vaduz |
LKA | Sri Lanka | Sri Lankan; Sri Lankans | Sri Jayawardenepura Kotte; Colombo |
LSO | Lesotho | Basotho; Mosotho | Maseru |
LTU | Lithuania | Lithuanian; Lithuanians | Vilnius |
LUX | Luxembourg | Luxembourgish; Luxembourger; Luxembourgers | Luxembourg City |
LVA | Latvia | Latvian; Latvians | Riga |
MAR | Morocco | Moroccan; Moroccans | Rabat |
MCO | Monaco | Monegasque; Monégasque; Monegasques | |
MDA | Moldova | Moldovan; Moldovans | Chișinău/Chisinau/Chişinău |
MDG | Madagascar | Malagasy | Antananarivo |
MDV | Maldives | Maldivian; Maldivians | Malé |
MEX | Mexico | Mexican; Mexicans | Mexico City |
MHL | Marshall Islands | Marshallese | Majuro |
MKD | North Macedonia; Macedonia | North Macedonian; North Macedonians; Macedonian; Macedonians | Skopje |
MLI | Mali | Malian; Malians | Bamako |
MLT | Malta | Maltese | Valletta |
MMR | Myanmar; Burma | Burmese | Naypyidaw/Nay Pyi Taw/Naypyitaw |
MNE | Montenegro | Montenegrin; Montenegrins | Podgorica |
MNG | Mongolia | Mongolian; Mongolians | Ulaanbaatar/Ulan Bator |
MOZ | Mozambique | Mozambican; Mozambicans | Maputo |
MRT | Mauritania | Mauritanian; Mauritanians | Nouakchott |
MUS | Mauritius | Mauritian; Mauritians | Port Louis |
MWI | Malawi | Malawian; Malawians | Lilongwe |
MYS | Malaysia | Malaysian; Malaysians | Kuala Lumpur; Putrajaya |
NAM | Namibia | Namibian; Namibians | Windhoek |
NER | Niger | Nigerien; Nigeriens | Niamey |
NGA | Nigeria | Nigerian; Nigerians | Abuja |
NIC | Nicaragua | Nicaraguan; Nicaraguans | Managua |
NLD | Netherlands; Holland | Dutch; Dutchman; Dutchmen | Amsterdam; The Hague |
NOR | Norway | Norwegian; Norwegians | Oslo |
NPL | Nepal | Nepali; Nepalese; Nepalis | Kathmandu |
NRU | Nauru | Nauruan; Nauruans | Yaren |
NZL | New Zealand; NZ | New Zealander; New Zealanders; Kiwi; Kiwis | Wellington |
OMN | Oman | Omani; Omanis | Muscat |
PAK | Pakistan | Pakistani; Pakistanis | Islamabad |
PAN | Panama | Panamanian; Panamanians | Panama City |
PER | Peru | Peruvian; Peruvians | Lima |
PHL | Philippines; The Philippines | Filipino; Filipinos; Filipina; Philippine | Manila | Malacañang; Malacanang
PLW | Palau | Palauan; Palauans | Ngerulmud |
PNG | Papua New Guinea; PNG | Papua New Guinean; Papua New Guineans | Port Moresby |
POL | Poland | Polish; Poles | Warsaw |
PRK | North Korea; DPRK; D.P.R.K.; Korea | North Korean; North Koreans; Korean; Koreans | Pyongyang |
PRT | Portugal | Portuguese | Lisbon |
PRY | Paraguay | Paraguayan; Paraguayans | Asunción/Asuncion |
PSE | Palestine; State of Palestine | Palestinian; Palestinians | Ramallah |
QAT | Qatar | Qatari; Qataris | Doha |
ROU | Romania | Romanian; Romanians | Bucharest |
RUS | Russia | Russian; Russians | Moscow | Kremlin
RWA | Rwanda | Rwandan; Rwandans | Kigali |
SAU | Saudi Arabia; KSA | Saudi; Saudis; Saudi Arabian | Riyadh |
SDN | Sudan | Sudanese | Khartoum |
SEN | Senegal | Senegalese | Dakar |
SGP | Singapore | Singaporean; Singaporeans | |
SLB | Solomon Islands | Solomon Islander; Solomon Islanders | Honiara |
SLE | Sierra Leone | Sierra Leonean; Sierra Leoneans | Freetown |
SLV | El Salvador | Salvadoran; Salvadorans; Salvadorean | San Salvador |
SMR | San Marino | Sammarinese | City of San Marino |
SOM | Somalia | Somali; Somalis | Mogadishu |
SRB | Serbia | Serbian; Serbians; Serb; Serbs | Belgrade |
SSD | South Sudan | South Sudanese | Juba |
STP | São Tomé and Príncipe; Sao Tome and Principe | Santomean; Santomeans | São Tomé/Sao Tome |
SUR | Suriname | Surinamese | Paramaribo |
SVK | Slovakia | Slovak; Slovaks; Slovakian | Bratislava |
SVN | Slovenia | Slovenian; Slovenians; Slovene; Slovenes | Ljubljana |
SWE | Sweden | Swedish; Swede; Swedes | Stockholm |
SWZ | Eswatini; Swaziland | Swazi; Swazis; Emaswati | Mbabane; Lobamba |
SYC | Seychelles | Seychellois | Victoria |
SYR | Syria | Syrian; Syrians | Damascus |
TCD | Chad | Chadian; Chadians | N'Djamena/Ndjamena |
TGO | Togo | Togolese | Lomé/Lome |
THA | Thailand | Thai; Thais | Bangkok |
TJK | Tajikistan | Tajik; Tajiks; Tajikistani | Dushanbe |
TKM | Turkmenistan | Turkmen | Ashgabat |
TLS | Timor-Leste; East Timor | Timorese; East Timorese | Dili |
TON | Tonga | Tongan; Tongans | Nuku'alofa/Nukuʻalofa |
TTO | Trinidad and Tobago; Trinidad | Trinidadian; Trinidadians; Tobagonian | Port of Spain/Port-of-Spain |
TUN | Tunisia | Tunisian; Tunisians | Tunis |
TUR | Turkey; Türkiye; Turkiye | Turkish; Turk; Turks | Ankara |
TUV | Tuvalu | Tuvaluan; Tuvaluans | Funafuti |
TWN | Taiwan; Republic of China; ROC | Taiwanese | Taipei |
TZA | Tanzania | Tanzanian; Tanzanians | Dodoma; Dar es Salaam |
UGA | Uganda | Ugandan; Ugandans | Kampala |
UKR | Ukraine | Ukrainian; Ukrainians | Kyiv/Kiev |
URY | Uruguay | Uruguayan; Uruguayans | Montevideo |
USA | United States; United States of America; U.S.; US; USA; U.S.A.; America | American; Americans | Washington/Washington, D.C./Washington D.C./Washington, DC | White House; Pentagon; Capitol Hill
UZB | Uzbekistan | Uzbek; Uzbeks; Uzbekistani | Tashkent |
VAT | Holy See; Vatican; Vatican City; Vatican City State | | |
VCT | Saint Vincent and the Grenadines; St. Vincent and the Grenadines; St Vincent and the Grenadines | Vincentian; Vincentians | Kingstown |
VEN | Venezuela | Venezuelan; Venezuelans | Caracas | Miraflores
VNM | Vietnam; Viet Nam; Socialist Republic of Vietnam | Vietnamese | Hanoi/Ha Noi/Hà Nội |
VUT | Vanuatu | Ni-Vanuatu | Port Vila |
WSM | Samoa | Samoan; Samoans | Apia |
XKX | Kosovo; Republic of Kosovo | Kosovar; Kosovars; Kosovan | Pristina/Prishtina/Priština |
YEM | Yemen | Yemeni; Yemenis | Sanaa/Sana'a; Aden |
ZAF | South Africa | South African; South Africans | Pretoria; Cape Town; Bloemfontein | Union Buildings
ZMB | Zambia | Zambian; Zambians | Lusaka |
ZWE | Zimbabwe | Zimbabwean; Zimbabweans | Harare |
"""

# Former states still named in news: code (ISO 3166-3 alpha-3) | names | adjectivals | note.
# No capital and no metonyms: "Moscow" and "Belgrade" stand for today's states.
FORMER_STATES = """
SUN | Soviet Union; USSR; U.S.S.R.; Union of Soviet Socialist Republics | Soviet; Soviets | dissolved in 1991
YUG | Yugoslavia | Yugoslav; Yugoslavs | broke up from 1991
DDR | East Germany; German Democratic Republic; GDR | East German; East Germans | joined the Federal Republic in 1990
CSK | Czechoslovakia | Czechoslovak; Czechoslovakian | split into the Czech Republic and Slovakia in 1993
"""

# Capitals whose names are too often something else (a person, another city, a word) to be
# read as the state acting; they stay place actors but are not metonyms of their state.
NO_METONYM = {
    "Victoria",
    "Kingston",
    "Georgetown",
    "San José",
    "San Jose",
    "St. John's",
    "Saint John's",
    "St. George's",
    "Saint George's",
    "Sofia",
    "Santiago",
    "Djibouti City",
    "Luxembourg City",
    "City of San Marino",
    "São Tomé",
    "Sao Tome",
    "Amsterdam",
    "Cotonou",
    "Abidjan",
    "Colombo",
    "Dar es Salaam",
    "Bloemfontein",
    "Lobamba",
    "Bujumbura",
    "Aden",
}

# Preferred reading when a form is shared: "Congo"/"Congolese" -> DR Congo (the larger, more
# reported state), "Dominican" -> the Dominican Republic rather than Dominica.
PRIORITY = {"COD": 1, "DOM": 1}

# Notes kept in the description.
NOTES = {
    "ISR": "Israel designates Jerusalem as its capital; most states keep embassies in Tel Aviv.",
    "PSE": "UN observer state. Ramallah is the seat of the Palestinian Authority; "
    "East Jerusalem is the designated capital.",
    "VAT": "UN observer state (the Holy See); a city-state without a separate capital actor.",
    "XKX": "Not a UN member; recognised by about half of UN members. XKX is the user-assigned "
    "code used by the EU and IMF.",
    "TWN": "Not a UN member (Republic of China); listed as a state as news report it as one.",
    "KOR": "'Korea'/'Korean' are shared with North Korea; detection decides by context.",
    "PRK": "'Korea'/'Korean' are shared with South Korea; detection decides by context.",
    "COD": "'Congo'/'Congolese' are shared with the Republic of the Congo.",
    "COG": "'Congo'/'Congolese' are shared with the Democratic Republic of the Congo.",
    "YEM": "Sanaa is held by the Houthis; the recognised government sits in Aden.",
    "BOL": "Sucre is the constitutional capital; La Paz the seat of government.",
    "NLD": "Amsterdam is the capital; The Hague the seat of government.",
}


# --------------------------------------------------------------------------- other places
# These go to actors_places.yaml. Besides being actors themselves, they keep longer names from
# being read as a state: "Northern Ireland" is not Ireland, "Indian Ocean" not India, "New
# Mexico" not Mexico, "South China Sea" not China, "Latin America" not the United States.

# ISO 3166 entries that are not states: code | sovereign state (or -) | extra names | adjectivals
TERRITORIES = """
ABW | NLD | Aruba | Aruban
AIA | GBR | Anguilla |
ALA | FIN | Åland Islands; Aland Islands; Åland |
ASM | USA | American Samoa |
ATA | - | Antarctica | Antarctic
ATF | FRA | French Southern and Antarctic Lands; French Southern Territories |
BES | NLD | Caribbean Netherlands; Bonaire |
BLM | FRA | Saint Barthélemy; St. Barts; St Barths |
BMU | GBR | Bermuda | Bermudian
BVT | NOR | Bouvet Island |
CCK | AUS | Cocos (Keeling) Islands; Cocos Islands |
COK | NZL | Cook Islands |
CUW | NLD | Curaçao; Curacao |
CXR | AUS | Christmas Island |
CYM | GBR | Cayman Islands |
ESH | - | Western Sahara | Sahrawi
FLK | GBR | Falkland Islands; Falklands; Malvinas | Falkland Islanders
FRO | DNK | Faroe Islands; Faroes | Faroese
GGY | GBR | Guernsey |
GIB | GBR | Gibraltar | Gibraltarian
GLP | FRA | Guadeloupe |
GRL | DNK | Greenland | Greenlandic; Greenlanders
GUF | FRA | French Guiana |
GUM | USA | Guam |
HKG | CHN | Hong Kong | Hong Konger; Hong Kongers
HMD | AUS | Heard Island and McDonald Islands |
IMN | GBR | Isle of Man | Manx
IOT | GBR | British Indian Ocean Territory; Chagos Islands; Chagos Archipelago |
JEY | GBR | Jersey |
MAC | CHN | Macau; Macao |
MAF | FRA | Saint Martin |
MNP | USA | Northern Mariana Islands |
MSR | GBR | Montserrat |
MTQ | FRA | Martinique |
MYT | FRA | Mayotte |
NCL | FRA | New Caledonia |
NFK | AUS | Norfolk Island |
NIU | NZL | Niue |
PCN | GBR | Pitcairn Islands; Pitcairn |
PRI | USA | Puerto Rico | Puerto Rican; Puerto Ricans
PYF | FRA | French Polynesia; Tahiti |
REU | FRA | Réunion; Reunion Island |
SGS | GBR | South Georgia and the South Sandwich Islands |
SHN | GBR | Saint Helena; St Helena |
SJM | NOR | Svalbard and Jan Mayen; Svalbard |
SPM | FRA | Saint Pierre and Miquelon |
SXM | NLD | Sint Maarten |
TCA | GBR | Turks and Caicos Islands |
TKL | NZL | Tokelau |
UMI | USA | United States Minor Outlying Islands |
VGB | GBR | British Virgin Islands |
VIR | USA | U.S. Virgin Islands; US Virgin Islands; United States Virgin Islands |
WLF | FRA | Wallis and Futuna |
"""

# Regions, seas and sub-national places: names (``/`` spellings) | adjectivals | state or - | kind.
# Left out on purpose: "Caucasian" (a word for white people in American usage), a bare "Gulf",
# "Far East" (East Asia or Russia's Far East?), "Reunion" without its accent (an English word).
REGIONS = """
Europe | European; Europeans | - | continent
Asia | Asian; Asians | - | continent
Africa | African; Africans | - | continent
North America | North American; North Americans | - | continent
South America | South American; South Americans | - | continent
Latin America | Latin American; Latin Americans | - | region
Central America | Central American; Central Americans | - | region
Caribbean | | - | region
Middle East/Mideast | Middle Eastern | - | region
Asia-Pacific/Asia Pacific | | - | region
Indo-Pacific | | - | region
East Asia | East Asian | - | region
Southeast Asia/South-East Asia/South East Asia | Southeast Asian | - | region
South Asia | South Asian | - | region
Central Asia | Central Asian | - | region
Eastern Europe | Eastern European; Eastern Europeans | - | region
Western Europe | Western European | - | region
Central Europe | Central European | - | region
Balkans/Western Balkans | Balkan | - | region
Baltic states/Baltics | Baltic | - | region
Caucasus/South Caucasus | | - | region
Scandinavia | Scandinavian; Scandinavians | - | region
Nordic countries | Nordic | - | region
Sahel | | - | region
Horn of Africa | | - | region
Sub-Saharan Africa/sub-Saharan Africa | | - | region
North Africa | North African | - | region
West Africa | West African | - | region
East Africa | East African | - | region
Arctic | | - | region
Korean Peninsula/Korean peninsula | | - | region
Indian subcontinent | | - | region
Persian Gulf/Arabian Gulf | | - | sea
Pacific Ocean/Pacific | | - | ocean
Atlantic Ocean/Atlantic | | - | ocean
Indian Ocean | | - | ocean
Arctic Ocean | | - | ocean
Mediterranean Sea/Mediterranean | | - | sea
Black Sea | | - | sea
Baltic Sea | | - | sea
North Sea | | - | sea
Red Sea | | - | sea
Caspian Sea | | - | sea
Arabian Sea | | - | sea
South China Sea | | - | sea
East China Sea | | - | sea
Yellow Sea | | - | sea
Sea of Japan/East Sea | | - | sea
Sea of Azov | | - | sea
Gulf of Aden | | - | sea
Gulf of Guinea | | - | sea
Gulf of Mexico | | - | sea
English Channel | | - | sea
Taiwan Strait | | - | strait
Strait of Hormuz | | - | strait
Bosporus/Bosphorus | | - | strait
Suez Canal | | - | canal
Panama Canal | | - | canal
England | | GBR | nation of the United Kingdom
Scotland | Scottish; Scots | GBR | nation of the United Kingdom
Wales | Welsh | GBR | nation of the United Kingdom
Northern Ireland | Northern Irish | GBR | part of the United Kingdom
Crimea | Crimean | UKR | peninsula annexed by Russia in 2014, internationally recognised as part of Ukraine
Donbas/Donbass | | UKR | region of eastern Ukraine
Gaza Strip/Gaza | Gazan; Gazans | PSE | Palestinian territory
West Bank | | PSE | Palestinian territory
East Jerusalem | | PSE | claimed as the capital of Palestine, occupied by Israel
Golan Heights | | SYR | Syrian territory occupied by Israel
Kashmir | Kashmiri; Kashmiris | - | region disputed by India, Pakistan and China
Tibet | Tibetan; Tibetans | CHN | autonomous region of China
Xinjiang | | CHN | autonomous region of China
Inner Mongolia | | CHN | autonomous region of China
Kurdistan | Kurdish; Kurds | - | region of the Kurds, across Iraq, Syria, Turkey and Iran
Iraqi Kurdistan/Kurdistan Region | | IRQ | autonomous region of Iraq
Chechnya | Chechen; Chechens | RUS | republic of Russia
Siberia | Siberian | RUS | region of Russia
Kaliningrad | | RUS | Russian exclave
Nagorno-Karabakh/Karabakh | | AZE | region of Azerbaijan
Abkhazia | Abkhaz | GEO | breakaway region of Georgia
South Ossetia | South Ossetian | GEO | breakaway region of Georgia
Transnistria | | MDA | breakaway region of Moldova
Catalonia | Catalan; Catalans | ESP | autonomous community of Spain
Quebec/Québec | Quebecer; Québécois | CAN | province of Canada
Ontario | | CAN | province of Canada
British Columbia | | CAN | province of Canada
Alberta | | CAN | province of Canada
New South Wales | | AUS | state of Australia
Queensland | | AUS | state of Australia
Western Australia | | AUS | state of Australia
South Australia | | AUS | state of Australia
Tasmania | | AUS | state of Australia
Punjab | Punjabi | - | region divided between India and Pakistan
Bavaria | Bavarian | DEU | state of Germany
Hokkaido | | JPN | prefecture of Japan
Okinawa | | JPN | prefecture of Japan
Mindanao | | PHL | island of the Philippines
Sumatra | | IDN | island of Indonesia
Bali | | IDN | island of Indonesia
Borneo | | - | island shared by Brunei, Indonesia and Malaysia
Sicily | Sicilian | ITA | island of Italy
Sardinia | | ITA | island of Italy
Corsica | | FRA | island of France
"""

# US states whose name holds another actor's name or is one ("New Mexico" is not Mexico,
# "Washington State" not the capital, "Georgia" is also a country). The other US states, like
# other first-level subdivisions, are left to the name model (analysis/actors/ner/), which finds
# them among the names not in the dictionary.
US_STATES = """
Georgia; New Mexico; New Jersey; New York State/New York state; Washington State/Washington state
"""

# Large or much-reported cities other than capitals: state | cities (``;``) with spellings (``/``)
CITIES = """
USA | New York/New York City/NYC; Los Angeles; Chicago; Houston; San Francisco; Miami; Boston; Seattle; Las Vegas; Atlanta; Philadelphia; Detroit; New Orleans
CAN | Toronto; Montreal/Montréal; Vancouver
BRA | São Paulo/Sao Paulo; Rio de Janeiro
MEX | Guadalajara; Monterrey
COL | Medellín/Medellin
CHN | Shanghai; Shenzhen; Guangzhou; Wuhan; Chongqing; Tianjin
JPN | Osaka; Kyoto; Hiroshima; Nagasaki; Yokohama
KOR | Busan; Incheon
PRK | Kaesong; Wonsan
IND | Mumbai/Bombay; Kolkata/Calcutta; Chennai/Madras; Bengaluru/Bangalore; Hyderabad
PAK | Karachi; Lahore
VNM | Ho Chi Minh City/Saigon; Da Nang
AUS | Sydney; Melbourne; Brisbane; Perth
NZL | Auckland
TUR | Istanbul; Izmir
ARE | Dubai
ISR | Tel Aviv; Haifa
SAU | Jeddah; Mecca/Makkah
IRQ | Basra; Erbil; Mosul
SYR | Aleppo; Homs; Idlib
LBY | Benghazi
EGY | Alexandria
NGA | Lagos; Kano
ZAF | Johannesburg; Durban
MAR | Casablanca
KEN | Mombasa
COD | Goma
PSE | Rafah; Khan Younis
RUS | St. Petersburg/Saint Petersburg/St Petersburg; Vladivostok; Novosibirsk; Yekaterinburg; Kazan; Sochi; Murmansk; Belgorod; Kursk
UKR | Kharkiv/Kharkov; Odesa/Odessa; Lviv; Dnipro; Zaporizhzhia/Zaporizhzhia/Zaporozhye; Kherson; Mariupol; Bakhmut; Donetsk; Luhansk/Lugansk; Sevastopol
CHE | Geneva; Zurich/Zürich; Davos; Basel
DEU | Munich; Frankfurt; Hamburg; Cologne
ITA | Milan; Naples; Venice
ESP | Barcelona; Seville
FRA | Marseille; Lyon; Strasbourg
GBR | Manchester; Birmingham; Liverpool; Edinburgh; Glasgow; Belfast
NLD | Rotterdam
BEL | Antwerp
POL | Gdansk/Gdańsk; Krakow/Kraków
PRT | Porto
GRC | Thessaloniki
"""


def _natural(name: str | None) -> str | None:
    """An ISO name as news would write it, or ``None`` if it has no natural form."""
    if not name or "," in name or "(" in name:
        return None
    return name[4:] if name.startswith("the ") else name


def _split(cell: str, sep: str = ";") -> list[str]:
    return [item.strip() for item in cell.split(sep) if item.strip()]


def build() -> list[dict]:
    """All state and capital entries, states in code order, each state's capitals after it."""
    states, places = [], []
    for line in STATES.strip().splitlines():
        code, names, adjectivals, capitals, metonyms = (c.strip() for c in line.split("|"))
        names_list = _split(names)
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            for attr in ("common_name", "name", "official_name"):
                natural = _natural(getattr(country, attr, None))
                if natural and natural not in names_list:
                    names_list.append(natural)
        status = (
            "UN observer state"
            if code in OBSERVERS
            else "state, not a UN member"
            if code in NON_UN
            else "UN member state"
        )
        description = status + (f". {NOTES[code]}" if code in NOTES else "")
        state_id = f"state:{code}"
        state_metonyms: list[str] = []
        for rank, capital in enumerate(_split(capitals)):
            spellings = _split(capital, "/")
            state_metonyms += [s for s in spellings if s not in NO_METONYM]
            places.append(
                {
                    "id": f"place:{slugify(spellings[0])}",
                    "name": spellings[0],
                    "type": "place",
                    "names": spellings,
                    "links": {"state": state_id},
                    "description": (
                        "capital" if rank == 0 else "seat of government or second capital"
                    )
                    + f" of {names_list[0]}",
                }
            )
        state_metonyms += _split(metonyms)
        entry = {
            "id": state_id,
            "name": names_list[0],
            "type": "state",
            "names": names_list,
            "adjectivals": _split(adjectivals),
            "metonyms": state_metonyms,
            "description": description,
        }
        if code in PRIORITY:
            entry["priority"] = PRIORITY[code]
        states.append(entry)
    for line in FORMER_STATES.strip().splitlines():
        code, names, adjectivals, note = (c.strip() for c in line.split("|"))
        states.append(
            {
                "id": f"state:{code}",
                "name": _split(names)[0],
                "type": "state",
                "names": _split(names),
                "adjectivals": _split(adjectivals),
                "description": f"former state ({note})",
            }
        )
    return states + places


def build_places(state_ids: set[str]) -> list[dict]:
    """Territories, regions, seas, sub-national places and large cities (actors_places.yaml)."""
    entries: list[dict] = []

    def add(
        spellings: list[str],
        adjectivals: list[str],
        code: str,
        description: str,
        key: str | None = None,
    ) -> None:
        entry: dict = {
            "id": f"place:{key or slugify(spellings[0])}",
            "name": spellings[0],
            "type": "place",
            "names": spellings,
        }
        if adjectivals:
            entry["adjectivals"] = adjectivals
        if code != "-":
            assert f"state:{code}" in state_ids, code
            entry["links"] = {"state": f"state:{code}"}
        entry["description"] = description
        entries.append(entry)

    for line in TERRITORIES.strip().splitlines():
        code, sovereign, names, adjectivals = (c.strip() for c in line.split("|"))
        names_list = _split(names)
        country = pycountry.countries.get(alpha_3=code)
        for attr in ("common_name", "name", "official_name"):
            natural = _natural(getattr(country, attr, None))
            if natural and natural not in names_list:
                names_list.append(natural)
        add(names_list, _split(adjectivals), sovereign, f"territory (ISO 3166 {code})")
    for line in REGIONS.strip().splitlines():
        names, adjectivals, code, kind = (c.strip() for c in line.split("|"))
        add(_split(names, "/"), _split(adjectivals), code, kind)
    for item in _split(" ".join(US_STATES.split())):
        spellings = _split(item, "/")
        key = slugify(spellings[0]) + ("-us-state" if spellings[0] == "Georgia" else "")
        add(spellings, [], "USA", "state of the United States", key)
    for line in CITIES.strip().splitlines():
        code, cities = (c.strip() for c in line.split("|"))
        for city in _split(cities):
            add(_split(city, "/"), [], code, "city")
    return entries


HEADERS = {
    "actors_states.yaml": "states and their capitals",
    "actors_places.yaml": "territories, regions, seas, sub-national places and large cities",
}


def render(entries: list[dict], filename: str) -> str:
    """The YAML text: a header, then one block per actor with lists in flow style."""
    header = (
        f"# Packaged actor dictionary: {HEADERS[filename]}.\n"
        "# GENERATED by scripts/build_actor_dictionary.py from pycountry (ISO 3166 "
        "names) and the\n# tables in that script. Edit the script, not this file; "
        "schema: analysis/resources/README.md.\n"
    )
    blocks = [
        yaml.safe_dump(
            [entry], allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
        )
        for entry in entries
    ]
    return header + "version: 1\nactors:\n" + "".join(blocks)


def outputs() -> dict[str, list[dict]]:
    """File name -> entries, for every generated file."""
    states = build()
    places = build_places({e["id"] for e in states if e["type"] == "state"})
    ids = [e["id"] for e in states + places]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, duplicates
    return {"actors_states.yaml": states, "actors_places.yaml": places}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a YAML file is stale")
    parser.add_argument("--output-dir", type=Path, default=OUTPUT_DIR)
    args = parser.parse_args(argv)
    stale = []
    for filename, entries in outputs().items():
        path = args.output_dir / filename
        text = render(entries, filename)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(filename)
            continue
        path.write_text(text, encoding="utf-8")
        counts = {t: sum(e["type"] == t for e in entries) for t in ("state", "place")}
        print(f"wrote {path}: {counts['state']} states, {counts['place']} places")
    if args.check:
        print("STALE: " + ", ".join(stale) if stale else "up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
