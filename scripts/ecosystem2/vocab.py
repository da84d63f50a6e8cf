"""Hand-written text for the second ecosystem: products, market words, prose for
topics and founder groups, names.  Vietnamese is written in NFC here; the generator
varies tone-mark placement, strips diacritics or decomposes it per profile."""

ORGANIZATIONS = [  # key, name, kind, province, description
    ("sihub", "Trung tâm Khởi nghiệp đổi mới sáng tạo TP.HCM (SIHUB)", "SUPPORT_CENTER", "ho-chi-minh",
     "Đơn vị trực thuộc Sở KH&CN TP.HCM, vận hành không gian hỗ trợ và các chương trình ươm tạo, kết nối đầu tư."),
    ("castihub", "Trung tâm Hỗ trợ khởi nghiệp sáng tạo Cần Thơ (castihub)", "SUPPORT_CENTER", "can-tho",
     "Nền tảng kết nối khởi nghiệp của thành phố Cần Thơ, tổ chức Mekong Startup Runway và Techfest Cần Thơ."),
    ("hp-startup-center", "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo Hải Phòng", "SUPPORT_CENTER", "hai-phong",
     "Tổ chức Techfest Hải Phòng, các khoá đào tạo và chương trình trải nghiệm gọi vốn."),
    ("dn-startup-center", "Trung tâm Hỗ trợ khởi nghiệp sáng tạo Đà Nẵng", "SUPPORT_CENTER", "da-nang",
     "Hỗ trợ không gian làm việc, tư vấn và kết nối mạng lưới cố vấn cho startup miền Trung."),
    ("utehy-incubator", "Vườn ươm khởi nghiệp Trường ĐH Sư phạm Kỹ thuật Hưng Yên", "UNIVERSITY_CENTER", "hung-yen",
     "Ươm tạo ý tưởng của sinh viên kỹ thuật, phối hợp với câu lạc bộ khởi nghiệp các huyện."),
    ("ctu-incubator", "Vườn ươm doanh nghiệp Trường Đại học Cần Thơ", "UNIVERSITY_CENTER", "can-tho",
     "Ươm tạo các dự án nông nghiệp, thuỷ sản và công nghệ sinh học từ kết quả nghiên cứu của trường."),
    ("hust-tto", "Văn phòng chuyển giao công nghệ – ĐH Bách khoa Hà Nội", "TECH_TRANSFER_OFFICE", "ha-noi",
     "Thương mại hoá sáng chế, kết nối nhóm nghiên cứu với doanh nghiệp."),
    ("natec", "Cục Phát triển thị trường và doanh nghiệp KH&CN (NATEC)", "GOVERNMENT_AGENCY", "ha-noi",
     "Cơ quan thuộc Bộ KH&CN, điều phối Đề án 844 và Techfest Việt Nam."),
    ("to-ong-coworking", "Tổ Ong Coworking", "COWORKING", "ha-noi",
     "Không gian làm việc chung ở Cầu Giấy, có chương trình cà phê công nghệ hằng tháng."),
    ("saigon-launchpad", "Saigon Launchpad", "ACCELERATOR", "ho-chi-minh",
     "A four-month accelerator for B2B software and climate startups, with demo day at WHISE."),
    ("fptu-club", "CLB Khởi nghiệp Đại học FPT", "STARTUP_CLUB", "ha-noi",
     "Câu lạc bộ sinh viên, tổ chức Startup and Student Innovation Award vòng trường."),
]

# Products startups make: vi product | en product | vi customer | en customer | vi benefit | en benefit
PRODUCTS_RAW = {
    "agritech": """
cảm biến độ ẩm đất cho ruộng lúa|soil-moisture sensors for rice paddies|hợp tác xã trồng lúa|rice cooperatives|tiết kiệm nước tưới và phân bón|cut irrigation water and fertiliser use
bộ tưới nhỏ giọt điều khiển qua điện thoại|phone-controlled drip irrigation kits|nhà vườn trồng sầu riêng và bưởi|durian and pomelo growers|giảm công chăm sóc vào mùa khô|save labour through the dry season
ứng dụng chẩn đoán bệnh lá lúa qua ảnh chụp|a photo-based rice leaf disease app|nông dân trồng lúa|rice farmers|phát hiện bệnh đạo ôn trước khi lan rộng|catch blast disease before it spreads
phần mềm nhật ký canh tác và truy xuất nguồn gốc|farm-diary and traceability software|hợp tác xã rau an toàn|safe-vegetable cooperatives|đạt VietGAP và đưa rau vào siêu thị|pass VietGAP audits and sell to supermarkets
máy bay không người lái phun thuốc theo bản đồ|map-guided crop-spraying drones|trang trại mía và ngô|sugarcane and maize farms|phun đúng liều, ít tiếp xúc hoá chất|spray the right dose with less chemical exposure
hệ thống giám sát ao nuôi tôm|shrimp-pond water monitoring|hộ nuôi tôm ven biển|coastal shrimp farmers|nhận cảnh báo khi oxy hoà tan xuống thấp|get warnings when dissolved oxygen drops""",
    "fintech": """
ví điện tử cho tiểu thương chợ truyền thống|an e-wallet for traditional market vendors|tiểu thương|market stall holders|nhận thanh toán QR không cần tài khoản ngân hàng|accept QR payments without a bank account
nền tảng cho vay vi mô dựa trên dữ liệu bán hàng|micro-loans underwritten on sales data|hộ kinh doanh cá thể|household businesses|có vốn lưu động trong 24 giờ|get working capital within 24 hours
phần mềm kế toán và hoá đơn điện tử|bookkeeping and e-invoicing software|doanh nghiệp siêu nhỏ|micro-enterprises|xuất hoá đơn điện tử đúng quy định|issue compliant e-invoices
ứng dụng tiết kiệm theo mục tiêu|a goal-based savings app|công nhân khu công nghiệp|factory workers|để dành tiền đều đặn mỗi tháng|put money aside every month
bảo hiểm vi mô theo chỉ số thời tiết|weather-index micro-insurance|nông hộ nhỏ|smallholder farmers|được chi trả nhanh khi hạn mặn|get paid out quickly after drought and salinity
cổng ứng lương theo ngày công|an earned-wage access platform|người lao động phổ thông|hourly workers|rút trước phần lương đã làm|draw wages they have already earned""",
    "edtech": """
ứng dụng luyện nói tiếng Anh với trợ lý giọng nói|an English speaking-practice app with a voice tutor|học sinh THCS|lower-secondary pupils|tự tin giao tiếp sau ba tháng|speak with confidence within three months
phần mềm quản lý trung tâm ngoại ngữ|management software for language centres|trung tâm ngoại ngữ|language schools|xếp lớp, thu học phí và báo cáo phụ huynh|handle timetables, fees and parent reports
bộ học liệu STEM kèm bo mạch lập trình|STEM kits with programmable boards|trường tiểu học|primary schools|dạy lập trình qua dự án thực tế|teach coding through hands-on projects
khoá học nghề trực tuyến cho thợ điện lạnh|online vocational courses for HVAC technicians|lao động trẻ ở nông thôn|young rural workers|có chứng chỉ nghề và việc làm ổn định|earn a trade certificate and steady work
hệ thống chấm bài tự luận bằng AI|AI marking for essay exams|giáo viên THPT|high-school teachers|giảm một nửa thời gian chấm bài|halve their marking time""",
    "healthtech": """
app đặt lịch khám cho phòng khám tư|a booking app for private clinics|phòng khám tư nhân|private clinics|giảm thời gian chờ của bệnh nhân|cut patient waiting times
hồ sơ sức khoẻ điện tử cho trạm y tế xã|electronic health records for commune health stations|trạm y tế xã|commune health stations|theo dõi người bệnh mạn tính liên tục|follow chronic patients over time
máy đo đường huyết kết nối điện thoại|a phone-connected glucose meter|người bệnh tiểu đường|people with diabetes|chia sẻ chỉ số với bác sĩ từ xa|share readings with their doctor remotely
nền tảng khám từ xa cho người cao tuổi|telemedicine for older patients|người cao tuổi ở vùng sâu|older people in remote districts|được bác sĩ chuyên khoa tư vấn mà không phải đi xa|see a specialist without travelling
phần mềm quản lý nhà thuốc|pharmacy management software|nhà thuốc bán lẻ|independent pharmacies|quản lý hạn dùng và đơn thuốc điện tử|track expiry dates and e-prescriptions""",
    "logistics": """
phần mềm quản lý kho cho nhà bán lẻ|warehouse management software for retailers|chuỗi bán lẻ vừa và nhỏ|small retail chains|giảm hàng tồn và sai lệch kiểm kê|reduce overstock and stock-count errors
nền tảng ghép hàng cho xe tải chạy rỗng chiều về|a backhaul-matching platform for empty trucks|chủ xe tải và chủ hàng|truck owners and shippers|bớt những chuyến xe chạy rỗng|cut empty return trips
dịch vụ giao hàng chặng cuối bằng xe máy điện|last-mile delivery on electric scooters|cửa hàng online|online shops|giao trong hai giờ ở nội thành|deliver within two hours in the city
hệ thống theo dõi container lạnh|cold-chain container tracking|doanh nghiệp xuất khẩu thuỷ sản|seafood exporters|giữ nhiệt độ ổn định suốt hành trình|keep temperature stable all the way to port
tủ khoá thông minh nhận hàng ở chung cư|smart parcel lockers for apartment blocks|cư dân chung cư|apartment residents|nhận hàng vào bất kỳ giờ nào|pick up parcels at any hour""",
    "ecommerce": """
sàn bán đặc sản vùng miền|a marketplace for regional specialties|cơ sở sản xuất OCOP|OCOP producers|đưa sản phẩm địa phương lên mạng|take local products online
công cụ livestream bán hàng đa kênh|a multi-channel live-selling tool|người bán hàng online|online sellers|chốt đơn tự động trong lúc livestream|confirm orders automatically during live streams
ứng dụng đặt hàng sỉ cho tiệm tạp hoá|a wholesale ordering app for corner shops|tiệm tạp hoá|neighbourhood grocery stores|nhập hàng thẳng từ nhà phân phối|restock directly from distributors
gian hàng xuyên biên giới cho đồ thủ công mỹ nghệ|a cross-border shop for Vietnamese handicrafts|làng nghề|craft villages|bán hàng sang Nhật và châu Âu|sell to Japan and Europe
phần mềm quản lý đơn cho shop thời trang|order management for fashion shops|shop thời trang nhỏ|small fashion boutiques|đồng bộ tồn kho giữa các sàn|sync stock across marketplaces""",
    "tourism": """
ứng dụng đặt homestay vùng núi phía Bắc|a booking app for homestays in the northern mountains|chủ homestay người dân tộc|ethnic-minority homestay hosts|nhận khách trực tiếp không qua trung gian|take bookings without middlemen
tour trải nghiệm miệt vườn sông nước|river-and-orchard experience tours|du khách quốc tế|international visitors|sống thử một ngày như người miệt vườn|spend a day living like delta villagers
thuyết minh tự động cho di tích|an audio-guide app for heritage sites|khách tham quan di tích|visitors to heritage sites|nghe thuyết minh bằng sáu thứ tiếng|hear the story in six languages
phần mềm quản lý khách sạn mini|property management for mini-hotels|khách sạn nhỏ và nhà nghỉ|small hotels and guesthouses|quản lý phòng và các kênh OTA một chỗ|manage rooms and OTA channels in one place
nền tảng du lịch nông nghiệp|an agritourism booking platform|trang trại mở cửa đón khách|farms that host visitors|có thêm thu nhập ngoài mùa vụ|earn income between harvests""",
    "clean-energy": """
điện mặt trời áp mái trả góp|rooftop solar on instalments|hộ gia đình và xưởng nhỏ|households and small workshops|giảm tiền điện hằng tháng|lower their monthly power bills
trạm đổi pin xe máy điện|battery-swap stations for e-scooters|tài xế công nghệ|ride-hailing drivers|đổi pin trong một phút|swap a battery in one minute
lò sấy nông sản dùng năng lượng mặt trời|solar dryers for farm produce|cơ sở chế biến nông sản|small produce processors|giảm chi phí sấy và hao hụt|cut drying costs and losses
phần mềm giám sát điện năng cho nhà máy|energy monitoring software for factories|nhà máy dệt may|garment factories|tìm ra chỗ lãng phí điện|find where power is wasted
hầm biogas từ chất thải chăn nuôi|biogas digesters for livestock waste|trang trại heo|pig farms|tự chủ nhiên liệu và giảm mùi|make their own fuel and cut odours""",
    "ai": """
chatbot chăm sóc khách hàng bằng tiếng Việt|a Vietnamese-language customer-service chatbot|ngân hàng và công ty bảo hiểm|banks and insurers|trả lời khách suốt 24 giờ|answer customers around the clock
phần mềm nhận dạng chữ viết tay trên giấy tờ|handwriting recognition for paper forms|cơ quan hành chính|public administrations|số hoá hồ sơ giấy thật nhanh|digitise paper records fast
camera AI đếm lượt khách cho cửa hàng|AI footfall-counting cameras|chuỗi cửa hàng bán lẻ|retail chains|xếp ca theo lượng khách thật|plan shifts around real footfall
hệ thống kiểm tra lỗi sản phẩm bằng thị giác máy|machine-vision defect inspection|nhà máy điện tử|electronics plants|phát hiện lỗi ngay trên dây chuyền|catch defects on the line
công cụ chuyển giọng nói thành văn bản cho bác sĩ|speech-to-text for doctors' notes|bệnh viện|hospitals|ghi bệnh án nhanh hơn|write up case notes faster""",
    "proptech": """
phần mềm quản lý nhà trọ|rental management software for boarding houses|chủ nhà trọ|boarding-house landlords|thu tiền phòng, điện nước tự động|collect rent and utility bills automatically
ứng dụng tìm phòng cho sinh viên|a room-finding app for students|sinh viên thuê trọ|students looking for rooms|tìm phòng đã xác thực gần trường|find verified rooms near campus
ứng dụng vận hành chung cư|an operations app for apartment complexes|ban quản lý toà nhà|building management boards|xử lý phản ánh của cư dân nhanh|resolve residents' requests quickly
công cụ định giá nhà đất bằng dữ liệu|data-driven property valuation|ngân hàng và người mua nhà|banks and home buyers|có giá tham khảo minh bạch|get a transparent reference price
thiết kế nội thất trực tuyến 3D|online 3D interior design|gia đình mới mua nhà|families moving into new homes|xem trước nội thất trước khi thi công|see the interior before it is built""",
    "food-beverage": """
cà phê đặc sản rang xay từ Cầu Đất|specialty coffee roasted from Cầu Đất beans|quán cà phê và văn phòng|cafés and offices|có nguồn cà phê ổn định, truy xuất được|get a steady, traceable coffee supply
bếp trung tâm nấu suất ăn cho trường học|a central kitchen for school meals|trường mầm non và tiểu học|kindergartens and primary schools|phục vụ bữa ăn an toàn, đủ chất|serve safe, balanced meals
nước mắm truyền thống đóng chai cao cấp|premium bottled traditional fish sauce|nhà hàng và siêu thị|restaurants and supermarkets|bán nước mắm làng nghề chính gốc|stock authentic craft-village fish sauce
đồ ăn vặt từ trái cây sấy không đường|sugar-free dried fruit snacks|người tiêu dùng trẻ ở đô thị|young urban consumers|ăn vặt lành mạnh hơn|snack more healthily
ứng dụng đặt cơm nhà|an ordering app for home kitchens|người nấu ăn tại gia|home cooks|bán cơm nhà cho dân văn phòng|sell home-cooked lunches to office workers""",
    "manufacturing": """
phần mềm MES cho xưởng cơ khí|MES software for machine shops|xưởng cơ khí vừa và nhỏ|small machine shops|theo dõi tiến độ từng lệnh sản xuất|track every work order
cảm biến rung cảnh báo hỏng máy|vibration sensors for predictive maintenance|nhà máy chế biến|processing plants|biết trước khi máy sắp hỏng|know before a machine breaks down
robot hàn tự động giá rẻ|low-cost welding robots|xưởng kết cấu thép|steel fabrication shops|tăng sản lượng mà không cần thêm thợ|raise output without hiring more welders
dịch vụ in 3D linh kiện theo yêu cầu|on-demand 3D-printed spare parts|nhà máy cần linh kiện thay thế|plants waiting on spare parts|có linh kiện trong 48 giờ|get parts within 48 hours
gạch không nung từ tro xỉ nhiệt điện|unfired bricks made from power-plant fly ash|nhà thầu xây dựng|builders|giảm chi phí và tái chế chất thải|cut costs while recycling waste""",
    "biotech": """
chế phẩm vi sinh phân huỷ rơm rạ|microbial products that break down rice straw|nông dân vùng lúa|rice-growing farmers|xử lý rơm mà không phải đốt, đất lại tốt hơn|stop burning straw and improve the soil
bộ kit xét nghiệm nhanh bệnh trên tôm|rapid disease test kits for shrimp|trại giống tôm|shrimp hatcheries|phát hiện bệnh trong 30 phút|detect disease within 30 minutes
cây giống lan và chuối nuôi cấy mô|tissue-cultured orchid and banana seedlings|nhà vườn|nurseries|có cây giống sạch bệnh, đồng đều|get uniform, disease-free seedlings
phân bón hữu cơ vi sinh từ phụ phẩm cá|organic fertiliser from fish by-products|vùng trồng cây ăn trái|fruit-growing districts|bớt phân hoá học|use less chemical fertiliser
cao chiết xuất từ sâm Ngọc Linh|extracts of Ngọc Linh ginseng|công ty dược phẩm|pharmaceutical companies|có nguyên liệu đạt chuẩn|source standardised ingredients""",
    "media": """
nền tảng podcast tiếng Việt|a Vietnamese podcast platform|người sáng tạo nội dung|content creators|kiếm tiền từ người nghe|earn from their listeners
xưởng hoạt hình 2D cho thiếu nhi|a 2D animation studio for children|đài truyền hình và kênh YouTube|TV channels and YouTube networks|có phim thiếu nhi thuần Việt|get home-grown children's shows
công cụ quản lý chiến dịch KOL|campaign management for influencers|nhãn hàng và KOL|brands and influencers|đo hiệu quả từng chiến dịch|measure every campaign
trang tin địa phương bằng tiếng dân tộc|local news in ethnic-minority languages|đồng bào dân tộc thiểu số|ethnic-minority communities|tiếp cận thông tin chính sách|keep up with policy news
ứng dụng đọc truyện tranh Việt|a Vietnamese comics reading app|độc giả trẻ|young readers|đọc truyện của họa sĩ trong nước|read comics by local artists""",
}
PRODUCTS = {k: [tuple(l.split("|")) for l in v.strip().splitlines()] for k, v in PRODUCTS_RAW.items()}

# How investors talk about the markets they back: vi | en (market words, not product words)
MARKETS_RAW = {
    "agritech": "chuỗi giá trị nông sản|the agricultural value chain;nông nghiệp công nghệ cao|high-tech farming;kinh tế hợp tác xã và nông thôn|rural economies and cooperatives;nông nghiệp thích ứng biến đổi khí hậu|climate-smart agriculture",
    "fintech": "tài chính toàn diện cho người chưa có tài khoản ngân hàng|financial inclusion for the unbanked;hạ tầng thanh toán|payments infrastructure;tín dụng cho doanh nghiệp nhỏ|SME credit;bảo hiểm số|insurtech",
    "edtech": "giáo dục phổ thông và đào tạo nghề|K-12 and vocational training;học tập suốt đời|lifelong learning;nâng cao chất lượng nguồn nhân lực|workforce upskilling",
    "healthtech": "y tế cơ sở|primary care;chăm sóc người cao tuổi|ageing and elder care;chuyển đổi số bệnh viện|hospital digitisation;thiết bị y tế|medical devices",
    "logistics": "chuỗi cung ứng|supply chains;vận tải và kho bãi|freight and warehousing;logistics lạnh|cold-chain logistics",
    "ecommerce": "bán lẻ hiện đại|modern retail;thương mại xã hội|social commerce;xuất khẩu trực tuyến|cross-border trade;phân phối cho kênh truyền thống|distribution to traditional trade",
    "tourism": "du lịch trải nghiệm|experiential travel;du lịch cộng đồng|community-based tourism;ngành lưu trú và nhà hàng|hospitality",
    "clean-energy": "chuyển dịch năng lượng|the energy transition;giao thông điện|e-mobility;kinh tế tuần hoàn|the circular economy;giảm phát thải|decarbonisation",
    "ai": "dữ liệu và học máy|data and machine learning;phần mềm doanh nghiệp ứng dụng AI|AI-first enterprise software;công nghệ xử lý tiếng Việt|Vietnamese language technology",
    "proptech": "thị trường nhà ở và cho thuê|housing and rentals;vận hành bất động sản|property operations;xây dựng thông minh|construction tech",
    "food-beverage": "hàng tiêu dùng nhanh|consumer packaged goods;thương hiệu thực phẩm Việt|Vietnamese food brands;dịch vụ ăn uống|food service",
    "manufacturing": "công nghiệp 4.0|Industry 4.0;công nghiệp hỗ trợ|supporting industries;tự động hoá nhà máy|factory automation",
    "biotech": "khoa học sự sống|life sciences;công nghệ sinh học nông nghiệp|agricultural biotech;dược liệu|medicinal plants and pharma ingredients",
    "media": "kinh tế sáng tạo|the creator economy;nội dung số|digital content;công nghiệp văn hoá|cultural industries",
}
MARKETS = {k: [tuple(p.split("|")) for p in v.split(";")] for k, v in MARKETS_RAW.items()}
# What an excluding investor says it will not touch
EXCLUDE_WORDS = {
    "proptech": ("bất động sản", "real estate"), "tourism": ("du lịch, khách sạn", "travel and hotels"),
    "food-beverage": ("F&B và chuỗi nhà hàng", "F&B and restaurant chains"),
    "media": ("truyền thông, giải trí", "media and entertainment"), "fintech": ("cho vay tiêu dùng", "consumer lending"),
    "ecommerce": ("thương mại điện tử bán lẻ", "pure-play e-commerce"),
    "clean-energy": ("dự án năng lượng", "energy projects"), "manufacturing": ("sản xuất thâm dụng vốn", "capital-heavy manufacturing"),
    "biotech": ("công nghệ sinh học", "biotech"), "healthtech": ("y tế", "healthcare"),
    "logistics": ("vận tải, logistics", "logistics"), "edtech": ("giáo dục", "education"),
    "agritech": ("nông nghiệp", "agriculture"), "ai": ("AI thuần nghiên cứu", "research-only AI"),
}
# Career backgrounds that hint at a sector: vi | en
SECTOR_BG = {
    "agritech": ("nhiều năm làm việc với các hợp tác xã nông nghiệp", "years spent working with farming cooperatives"),
    "fintech": ("xuất thân từ ngân hàng thương mại", "a background in commercial banking"),
    "edtech": ("từng điều hành một hệ thống trường tư", "used to run a chain of private schools"),
    "healthtech": ("làm quản lý ở một bệnh viện tư nhiều năm", "a decade managing a private hospital"),
    "logistics": ("từng điều hành công ty giao nhận", "ran a freight-forwarding company"),
    "ecommerce": ("làm vận hành ở một sàn thương mại điện tử", "operations at a large online marketplace"),
    "tourism": ("gắn bó với ngành khách sạn và lữ hành", "a career in hotels and travel"),
    "clean-energy": ("kỹ sư dự án điện mặt trời và điện gió", "an engineer on solar and wind projects"),
    "ai": ("nghiên cứu học máy và xử lý ngôn ngữ", "machine learning and NLP research"),
    "proptech": ("làm phát triển dự án nhà ở", "residential property development"),
    "food-beverage": ("quản lý sản xuất ở công ty thực phẩm", "production management at a food company"),
    "manufacturing": ("giám đốc nhà máy cơ khí", "running a machining plant"),
    "biotech": ("nghiên cứu vi sinh ở viện", "microbiology research at a national institute"),
    "media": ("biên tập viên truyền hình", "TV production and editing"),
}

# topic: (short name vi, short name en, role vi, role en, startup-need vi, startup-need en, [mentor prose vi], [mentor prose en])
TOPIC_TEXT = {
    "CREATIVE_THINKING": ("tư duy sáng tạo", "creative thinking", "Huấn luyện viên đổi mới sáng tạo", "Innovation coach",
        "cần phương pháp thử nhiều ý tưởng sản phẩm nhanh hơn", "we want a better way to come up with and test ideas",
        ["tôi tổ chức các buổi workshop design thinking cho đội ngũ sản phẩm", "giúp nhóm sáng lập thoát khỏi lối mòn khi nghĩ giải pháp"],
        ["I run design-thinking sprints with early teams", "I coach founders on ideation and brainstorming methods"]),
    "INTELLECTUAL_PROPERTY": ("sở hữu trí tuệ", "intellectual property", "Chuyên gia sở hữu trí tuệ", "IP specialist",
        "cần tư vấn đăng ký nhãn hiệu và bảo hộ sáng chế", "we need advice on patents and registering our trademark",
        ["tôi từng hỗ trợ nhiều doanh nghiệp đăng ký bảo hộ sáng chế", "đã xử lý hàng chục vụ tranh chấp nhãn hiệu"],
        ["I've guided founders through patent filings and trademark disputes", "former patent attorney who helps startups protect their inventions"]),
    "BUSINESS_MANAGEMENT": ("quản trị doanh nghiệp", "business management", "Cố vấn quản trị", "Operations advisor",
        "cần kinh nghiệm quản trị khi đội ngũ lớn nhanh", "we need help running a fast-growing team",
        ["tôi giúp nhà sáng lập xây dựng bộ máy, quy trình và KPI", "hướng dẫn quản trị nhân sự và dòng tiền cho CEO lần đầu"],
        ["former COO; I help founders set up processes, hiring and OKRs", "I coach first-time CEOs on running a company day to day"]),
    "MARKETING": ("marketing", "marketing", "Cố vấn tiếp thị", "Growth marketer",
        "cần kế hoạch tiếp thị để có thêm khách hàng", "we need a go-to-market and customer-acquisition plan",
        ["từng phụ trách tiếp thị cho một chuỗi bán lẻ lớn", "giúp startup chạy quảng cáo số hiệu quả với ngân sách nhỏ"],
        ["spent a decade in growth marketing for consumer apps", "I help teams find their first thousand customers"]),
    "MARKET_RESEARCH": ("nghiên cứu thị trường", "market research", "Chuyên gia nghiên cứu thị trường", "Customer-discovery coach",
        "cần khảo sát thị trường và kiểm chứng nhu cầu khách hàng", "we need to validate demand before building more",
        ["hướng dẫn cách phỏng vấn khách hàng và kiểm chứng nhu cầu trước khi làm sản phẩm", "nhiều năm làm khảo sát người tiêu dùng"],
        ["I teach customer discovery and how to size a market honestly", "ex-consumer insights lead at an FMCG multinational"]),
    "BUSINESS_MODEL": ("mô hình kinh doanh", "business model", "Cố vấn mô hình kinh doanh", "Business model advisor",
        "cần hoàn thiện mô hình kinh doanh và cách định giá", "we are still working out pricing and how we make money",
        ["giúp nhóm khởi nghiệp tìm ra cách kiếm tiền bền vững", "tư vấn định giá và cấu trúc doanh thu"],
        ["I help founders figure out unit economics and pricing", "revenue design is the part I enjoy most"]),
    "FUNDRAISING": ("gọi vốn", "fundraising", "Cố vấn gọi vốn", "Fundraising advisor",
        "cần chuẩn bị hồ sơ gọi vốn và gặp nhà đầu tư", "we are preparing our first fundraise",
        ["tôi giúp nhà sáng lập chuẩn bị pitch deck và đàm phán điều khoản đầu tư", "từng làm ở quỹ đầu tư mạo hiểm tám năm"],
        ["I help founders prepare for their first fundraise", "ex-VC; I review decks and term sheets"]),
    "DIGITAL_TRANSFORMATION": ("chuyển đổi số", "digital transformation", "Chuyên gia chuyển đổi số", "Digital transformation lead",
        "cần số hoá quy trình vận hành", "we need to digitise our operations",
        ["tư vấn chuyển đổi số cho doanh nghiệp sản xuất và hợp tác xã", "triển khai ERP và phần mềm quản lý cho doanh nghiệp vừa và nhỏ"],
        ["I've led ERP and cloud migrations at mid-sized firms", "I help traditional businesses move their operations online"]),
    "LEGAL": ("pháp lý", "legal matters", "Luật sư doanh nghiệp", "Startup lawyer",
        "cần hỗ trợ thủ tục pháp lý, hợp đồng và thành lập công ty", "we need help with contracts and company set-up",
        ["soạn hợp đồng cổ đông, ESOP và lo thủ tục thành lập công ty", "am hiểu các loại giấy phép con"],
        ["corporate lawyer: shareholder agreements, ESOPs, licences", "I help startups through incorporation and permits"]),
    "TAX": ("thuế", "tax", "Kế toán trưởng", "Tax advisor",
        "cần tư vấn thuế và kế toán", "we need tax and accounting advice",
        ["giúp startup hiểu nghĩa vụ thuế và các ưu đãi thuế", "tư vấn quyết toán và hoàn thuế VAT"],
        ["chartered accountant; I explain tax incentives and VAT", "I help founders keep their books clean for audits"]),
    "QUALITY_STANDARDS": ("tiêu chuẩn chất lượng", "quality standards", "Chuyên gia tiêu chuẩn chất lượng", "Quality auditor",
        "cần đạt tiêu chuẩn chất lượng như ISO, HACCP", "we need to meet ISO or HACCP standards",
        ["chuyên gia đánh giá ISO 9001, HACCP và GlobalGAP", "giúp cơ sở sản xuất nâng cao năng suất, chất lượng"],
        ["lead auditor for ISO 9001 and HACCP", "I help producers pass export certifications"]),
    "ECOMMERCE": ("thương mại điện tử", "e-commerce", "Cố vấn bán hàng online", "E-commerce operator",
        "cần bán hàng trên các sàn thương mại điện tử", "we want to sell on online marketplaces",
        ["giúp doanh nghiệp mở gian hàng trên Shopee, Lazada, TikTok Shop", "vận hành bán hàng online hơn mười năm"],
        ["I've scaled shops on Shopee, Lazada and TikTok Shop", "ten years running online retail"]),
    "BRANDING": ("thương hiệu", "branding", "Chuyên gia thương hiệu", "Brand strategist",
        "cần xây dựng thương hiệu và bao bì", "we need to build our brand and packaging",
        ["thiết kế nhận diện cho nhiều sản phẩm OCOP", "giúp sản phẩm địa phương có câu chuyện riêng"],
        ["brand strategist for consumer goods", "I help local products tell a story customers remember"]),
    "TECHNOLOGY_TRANSFER": ("chuyển giao công nghệ", "technology transfer", "Chuyên gia chuyển giao công nghệ", "Tech-transfer specialist",
        "cần nhận chuyển giao công nghệ từ viện, trường", "we want to license technology from a research institute",
        ["kết nối nhà khoa học với doanh nghiệp để thương mại hoá kết quả nghiên cứu", "từng làm ở văn phòng chuyển giao công nghệ của trường đại học"],
        ["I broker licensing deals between labs and companies", "I worked at a university tech-transfer office"]),
    "PRODUCT_DEVELOPMENT": ("phát triển sản phẩm", "product development", "Giám đốc sản phẩm", "Product lead",
        "cần hoàn thiện sản phẩm và lộ trình phát triển", "we need help with our product roadmap",
        ["giúp đội ngũ đi từ bản mẫu đến sản phẩm thương mại", "hướng dẫn xây dựng MVP và lộ trình sản phẩm"],
        ["I help teams go from prototype to launch", "I coach on MVP scoping and roadmaps"]),
    "INTERNATIONAL_EXPANSION": ("mở rộng ra nước ngoài", "going abroad", "Cố vấn thị trường quốc tế", "International expansion advisor",
        "cần mở rộng ra thị trường nước ngoài", "we are looking to expand abroad",
        ["hỗ trợ doanh nghiệp xuất khẩu sang Nhật Bản, Hàn Quốc", "am hiểu thị trường Đông Nam Á"],
        ["I help companies enter Singapore, Japan and Korea", "led regional expansion across Southeast Asia"]),
}
STAGE_WORDS = {"IDEA": ("giai đoạn ý tưởng", "idea stage"), "MVP": ("giai đoạn có sản phẩm mẫu", "MVP stage"),
               "SEED": ("vòng hạt giống", "seed"), "SERIES_A": ("vòng Series A", "Series A"),
               "GROWTH": ("giai đoạn tăng trưởng", "growth stage")}
UNIVERSITIES = [("Đại học Cần Thơ", "Can Tho University"), ("ĐH Sư phạm Kỹ thuật Hưng Yên", "Hung Yen University of Technology and Education"),
                ("Đại học Bách khoa Hà Nội", "Hanoi University of Science and Technology"), ("Đại học FPT", "FPT University"),
                ("ĐH Kinh tế TP.HCM", "UEH"), ("Đại học Đà Nẵng", "the University of Da Nang"),
                ("ĐH Hàng hải Việt Nam", "Vietnam Maritime University"), ("ĐH Nam Cần Thơ", "Nam Can Tho University")]
BOILER_VI = ["Chúng tôi cam kết tạo giá trị bền vững cho cộng đồng.", "Đổi mới sáng tạo là kim chỉ nam trong mọi hoạt động của chúng tôi.",
             "Khách hàng luôn là trung tâm.", "Cùng nhau kiến tạo tương lai.", "Tự hào đồng hành cùng hệ sinh thái khởi nghiệp Việt Nam."]
BOILER_EN = ["We are passionate about innovation.", "Our mission is to create sustainable value for the community.",
             "Customer-centric by design.", "Let's build the future together.", "Proud to be part of Vietnam's startup ecosystem."]
TECH_LINES = [("Ứng dụng chạy tốt trên điện thoại cấu hình thấp, dùng được cả khi mất sóng.", "It runs on low-end phones and keeps working offline."),
              ("Dữ liệu lưu trên đám mây, có API kết nối phần mềm kế toán.", "Data lives in the cloud, with an API into accounting tools."),
              ("Thiết bị được thiết kế và lắp ráp tại Việt Nam.", "The hardware is designed and assembled in Vietnam."),
              ("Thu phí thuê bao theo tháng, khách không phải đầu tư ban đầu.", "Customers pay a monthly subscription, nothing up front."),
              ("Chúng tôi bán qua mạng lưới đại lý ở các huyện.", "We sell through a network of district-level agents."),
              ("Đội kỹ thuật tự phát triển toàn bộ phần lõi.", "Our engineers built the whole core in-house.")]
FAMILY = ["Nguyễn"] * 8 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm"] * 2 + ["Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trịnh", "Đinh"]
MIDDLE_M = ["Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Hoàng", "Anh", "Công", "Gia"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Bảo", "Hồng", "Khánh", "Phương"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Nam", "Sơn", "Long", "Quân", "Phúc", "Khoa", "Huy", "Thắng", "Trung", "Bình", "Đạt", "Khải", "Vĩnh", "Tín", "Lộc", "Hải", "Toàn"]
GIVEN_F = ["Lan", "Mai", "Hương", "Trang", "Linh", "Ngân", "Thảo", "Vy", "Hà", "Yến", "Nhung", "Phượng", "Quyên", "Hạnh", "Trâm", "Thủy", "Loan", "Diệp"]
FOREIGN = {"ja": ["Kenji Watanabe", "Yuko Tanaka", "Hiroshi Sato", "Aiko Mori"], "ko": ["Park Ji-hoon", "Kim Soo-yeon", "Lee Min-jae"],
           "fr": ["Claire Dubois", "Julien Moreau", "Élodie Martin"], "en": ["David Miller", "Sarah O'Connor", "Raj Mehta", "Emma Clarke", "Tom Lindqvist"]}
LANG_NAMES = {"en": ("tiếng Anh", "English"), "ja": ("tiếng Nhật", "Japanese"), "ko": ("tiếng Hàn", "Korean"), "fr": ("tiếng Pháp", "French"), "vi": ("tiếng Việt", "Vietnamese")}
FUND_ROOTS = ["Lotus", "Mekong", "Sông Hồng", "Red River", "Indochine", "Phượng Hoàng", "Lạc Hồng", "Sài Gòn", "Thăng Long", "Trường Sơn",
              "Cửu Long", "Hạ Long", "Bamboo", "Jade", "Saola", "Hải Vân", "Phù Sa", "Mai Vàng", "Đông Du", "Bạch Đằng", "Kim Long",
              "Pearl", "Monsoon", "Cánh Cam", "Tây Nguyên", "Sao Mai", "Nam Phong", "Rồng Xanh", "Ánh Dương", "Hoa Ban"]
VN_A = ["Lúa", "Sen", "Mây", "Kho", "Chợ", "Nhà", "Bếp", "Hạt", "Sóng", "Nắng", "Gạo", "Tre", "Mầm", "Ong", "Sao", "Biển", "Gió", "Mộc", "Cau", "Đồng"]
VN_A2 = ["Hoa Sen", "Cánh Diều", "Phù Sa", "Bông Lúa", "Cánh Đồng", "Mái Nhà", "Con Đường", "Hải Đăng", "Trăng Non", "Bếp Nhà"]
VN_B = ["Xanh", "Việt", "Đỏ", "Vàng", "Số", "Mới", "Sạch", "Nhanh", "Tươi", "Sáng", "Quê", "Lành", "Mekong", "Phố", "Thông Minh"]
EN_PRE = {"agritech": ["Agri", "Farm", "Rice", "Crop", "Green"], "fintech": ["Pay", "Fin", "Lend", "Coin", "Vi"], "edtech": ["Edu", "Learn", "Study", "Class", "Kid"],
          "healthtech": ["Med", "Care", "Health", "Doc", "Vita"], "logistics": ["Ship", "Route", "Kho", "Cargo", "Go"],
          "ecommerce": ["Shop", "Cart", "Cho", "Deal", "Buy"], "tourism": ["Stay", "Trip", "Tour", "Travel", "Home"],
          "clean-energy": ["Sun", "Volt", "Solar", "Eco", "Watt"], "ai": ["Vision", "Data", "Mind", "Neuro", "Bot"],
          "proptech": ["Home", "Nest", "Room", "Build", "Key"], "food-beverage": ["Food", "Chef", "Bep", "Tasty", "Fresh"],
          "manufacturing": ["Fab", "Mech", "Robo", "Forge", "Tool"], "biotech": ["Gene", "Bio", "Cell", "Myco", "Vina"],
          "media": ["Pixel", "Story", "Cast", "Tune", "Frame"]}
EN_SHARED = ["Viet", "Saigon", "Mekong", "Smart", "Hanoi", "Kho"]
EN_SUF = ["Book", "Link", "Hub", "Go", "Pay", "Lab", "Box", "Bridge", "Nest", "Mate", "ly", "ify", "AI", "Flow", "Track", "Pro", "Net", "Plus", "Works", "X"]
