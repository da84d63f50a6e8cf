//! The generator's static tables: sectors and their vocabularies, topics and
//! sentence templates, and the real organisations, events and funds the
//! plans name.

use super::*;

pub(super) const SECTORS: &[SectorInfo] = &[
    SectorInfo {
        key: "ai", name: "Trí tuệ nhân tạo", name_en: "Artificial intelligence", label: ("trí tuệ nhân tạo (AI)", "AI"), weight: 9, rural: false,
        brand_en: &["AI", "Neuro", "Deep", "Vision", "Mind"], brand_vi: &["Trí", "Tuệ", "Minh", "Thông Minh"],
        products: &[
            ("trợ lý ảo tiếng Việt chăm sóc khách hàng", "a Vietnamese-language customer-service chatbot"),
            ("công nghệ nhận dạng giọng nói tiếng Việt ba miền", "speech recognition tuned to Vietnamese regional accents"),
            ("hệ thống thị giác máy tính giám sát giao thông", "computer-vision traffic monitoring"),
            ("mô hình ngôn ngữ lớn tinh chỉnh trên văn bản pháp luật", "a large language model fine-tuned on legal documents"),
            ("giải pháp bóc tách dữ liệu chứng từ tự động (OCR)", "automated document data extraction (OCR)"),
            ("nền tảng phân tích dữ liệu và dự báo nhu cầu bán lẻ", "retail demand-forecasting analytics"),
        ],
        problems: &[
            ("doanh nghiệp tốn nhiều nhân lực cho việc nhập liệu và trả lời khách hàng lặp đi lặp lại", "firms spend many staff hours on repetitive data entry and customer replies"),
            ("các mô hình AI nước ngoài chưa hiểu tốt tiếng Việt và giọng địa phương", "foreign AI models handle Vietnamese and local accents poorly"),
            ("dữ liệu doanh nghiệp nằm rải rác, khó khai thác để ra quyết định", "company data is scattered and hard to use for decisions"),
            ("đô thị thiếu công cụ giám sát giao thông thông minh", "cities lack smart traffic monitoring tools"),
        ],
        customers: &[
            ("ngân hàng và công ty bảo hiểm", "banks and insurers"),
            ("cơ quan nhà nước", "government agencies"),
            ("chuỗi bán lẻ", "retail chains"),
            ("tổng đài chăm sóc khách hàng", "contact centres"),
            ("các đề án đô thị thông minh", "smart-city programmes"),
        ],
        benefits: &[
            ("tự động hóa {p}% yêu cầu hỗ trợ khách hàng", "automate {p}% of support requests"),
            ("xử lý hàng nghìn chứng từ mỗi giờ", "process thousands of documents an hour"),
            ("ra quyết định dựa trên dữ liệu", "make data-driven decisions"),
            ("hiểu giọng nói tiếng Việt của cả ba miền", "understand Vietnamese accents from all three regions"),
        ],
    },
    SectorInfo {
        key: "fintech", name: "Công nghệ tài chính", name_en: "Fintech", label: ("công nghệ tài chính (fintech)", "fintech"), weight: 9, rural: false,
        brand_en: &["Pay", "Fin", "Coin", "Cash", "Lend"], brand_vi: &["Xu", "Ví", "Tiền", "Lộc", "Vàng"],
        products: &[
            ("ví điện tử của hộ kinh doanh nhỏ", "a merchant e-wallet built around small shops"),
            ("ứng dụng thanh toán di động bằng mã QR", "a QR-code mobile payment app"),
            ("nền tảng cho vay ngang hàng (P2P lending)", "a peer-to-peer lending platform"),
            ("mô hình chấm điểm tín dụng bằng dữ liệu thay thế", "an alternative-data credit-scoring engine"),
            ("phần mềm quản lý dòng tiền và hóa đơn điện tử", "cash-flow and e-invoicing software"),
            ("sản phẩm bảo hiểm vi mô qua điện thoại", "mobile micro-insurance"),
        ],
        problems: &[
            ("hàng triệu người lao động chưa có tài khoản ngân hàng và lịch sử tín dụng", "millions of workers have no bank account or credit history"),
            ("hộ kinh doanh nhỏ khó vay vốn vì thiếu tài sản thế chấp", "household businesses cannot borrow because they lack collateral"),
            ("chi phí chuyển tiền xuyên biên giới và kiều hối còn cao", "cross-border payments and remittances remain expensive"),
            ("doanh nghiệp nhỏ vẫn quản lý dòng tiền bằng sổ tay và bảng tính", "small firms still track cash flow in notebooks and spreadsheets"),
        ],
        customers: &[
            ("hộ kinh doanh cá thể", "household businesses"),
            ("công nhân tại các khu công nghiệp", "factory workers in industrial parks"),
            ("doanh nghiệp nhỏ và vừa", "SMEs"),
            ("tiểu thương ở chợ truyền thống", "traders at traditional markets"),
            ("công ty tài chính tiêu dùng", "consumer-finance companies"),
        ],
        benefits: &[
            ("nhận thanh toán không tiền mặt với mức phí thấp hơn {p}%", "accept cashless payments at {p}% lower fees"),
            ("tiếp cận khoản vay nhỏ chỉ trong 24 giờ", "get a micro-loan within 24 hours"),
            ("minh bạch dòng tiền và xuất hóa đơn điện tử đúng quy định", "keep cash flow transparent and issue compliant e-invoices"),
            ("đánh giá rủi ro tín dụng chính xác hơn", "price credit risk more accurately"),
        ],
    },
    SectorInfo {
        key: "edtech", name: "Công nghệ giáo dục", name_en: "Edtech", label: ("công nghệ giáo dục (edtech)", "edtech"), weight: 9, rural: false,
        brand_en: &["Edu", "Learn", "Class", "Study", "Tutor"], brand_vi: &["Học", "Bài", "Chữ", "Thầy Trò", "Sách"],
        products: &[
            ("nền tảng học tiếng Anh trực tuyến với trợ lý AI", "an online English course with an AI tutor"),
            ("hệ thống quản lý lớp học và sổ liên lạc điện tử", "a classroom management and school-messaging system"),
            ("kho bài giảng STEM tương tác", "interactive STEM lessons"),
            ("ứng dụng luyện thi tốt nghiệp THPT cá nhân hóa", "a personalised high-school exam-prep app"),
            ("nền tảng đào tạo kỹ năng số trực tuyến", "online digital-skills training"),
            ("bộ học liệu lập trình và robot", "coding and robotics kits"),
        ],
        problems: &[
            ("học sinh ở nông thôn ít có cơ hội học với giáo viên giỏi", "rural pupils rarely get access to good teachers"),
            ("giáo viên mất nhiều thời gian cho chấm bài và sổ sách", "teachers spend hours on grading and paperwork"),
            ("người lao động thiếu kỹ năng số khi doanh nghiệp chuyển đổi số", "workers lack digital skills as employers go digital"),
            ("phụ huynh khó theo dõi tiến độ học tập của con", "parents find it hard to follow their children's progress"),
        ],
        customers: &[
            ("học sinh trung học", "secondary-school pupils"),
            ("giáo viên và nhà trường", "teachers and schools"),
            ("sinh viên đại học", "university students"),
            ("người đi làm muốn nâng cao kỹ năng", "working adults who want to upskill"),
            ("trung tâm ngoại ngữ", "language centres"),
        ],
        benefits: &[
            ("cá nhân hóa lộ trình học và nâng điểm trung bình thêm {p}%", "personalise learning paths and raise average scores by {p}%"),
            ("tiết kiệm hàng giờ chấm bài mỗi tuần", "save hours of grading every week"),
            ("học mọi lúc mọi nơi trên điện thoại", "learn anywhere on a phone"),
            ("nâng cao kỹ năng số và cơ hội việc làm", "improve digital skills and job prospects"),
        ],
    },
    SectorInfo {
        key: "agritech", name: "Nông nghiệp công nghệ cao", name_en: "Agritech", label: ("nông nghiệp công nghệ cao", "smart agriculture"),
        weight: 11, rural: true, brand_en: &["Agri", "Farm", "Crop", "Harvest", "Soil"], brand_vi: &["Nông", "Lúa", "Vườn", "Mùa Vàng", "Gạo"],
        products: &[
            ("hệ thống cảm biến độ ẩm đất kết nối IoT", "IoT soil-moisture sensors"),
            ("nền tảng truy xuất nguồn gốc nông sản bằng mã QR", "QR-code traceability of farm produce"),
            ("ứng dụng phát hiện sâu bệnh trên lúa qua ảnh chụp điện thoại", "a phone app that spots rice pests and diseases from photos"),
            ("trạm quan trắc chất lượng nước ao nuôi thủy sản", "water-quality monitoring stations in shrimp and fish ponds"),
            ("hệ thống tưới nhỏ giọt tự động trong nhà màng", "automated drip irrigation in greenhouses"),
            ("sàn kết nối hợp tác xã với bếp ăn và siêu thị", "a marketplace linking cooperatives with canteens and supermarkets"),
        ],
        problems: &[
            ("nhiều hộ nông dân vẫn tưới tiêu và bón phân theo kinh nghiệm, gây lãng phí và giảm năng suất", "smallholders still irrigate and fertilise by rule of thumb, wasting inputs and losing yield"),
            ("nông sản không chứng minh được nguồn gốc nên bị ép giá khi xuất khẩu", "produce without proof of origin is sold cheaply to exporters"),
            ("xâm nhập mặn và thời tiết thất thường gây thiệt hại lớn cho người trồng lúa và nuôi tôm", "salinity intrusion and erratic weather hit rice and shrimp farmers hard"),
            ("hộ nuôi thủy sản thiếu dữ liệu về oxy hòa tan và độ pH trong ao", "fish and shrimp farmers lack data on dissolved oxygen and pH in their ponds"),
        ],
        customers: &[
            ("hợp tác xã trồng lúa", "rice cooperatives"),
            ("hộ nuôi tôm ở Đồng bằng sông Cửu Long", "shrimp farmers in the Mekong Delta"),
            ("trang trại rau thủy canh", "hydroponic vegetable farms"),
            ("doanh nghiệp xuất khẩu trái cây", "fruit exporters"),
            ("nông dân trồng cà phê và sầu riêng", "coffee and durian growers"),
        ],
        benefits: &[
            ("giảm {p}% lượng nước tưới và phân bón", "cut water and fertiliser use by {p}%"),
            ("truy xuất nguồn gốc lô hàng chỉ trong vài giây", "trace any shipment back to the farm in seconds"),
            ("phát hiện sớm sâu bệnh và giảm thất thoát sau thu hoạch", "spot pests early and reduce post-harvest losses"),
            ("đạt chứng nhận VietGAP và tiếp cận thị trường xuất khẩu", "obtain VietGAP certification and reach export markets"),
        ],
    },
    SectorInfo {
        key: "healthtech", name: "Y tế và chăm sóc sức khỏe", name_en: "Healthtech", label: ("y tế và chăm sóc sức khỏe", "healthtech"), weight: 8,
        rural: false, brand_en: &["Med", "Care", "Health", "Clinic", "Vita"], brand_vi: &["Khỏe", "An Khang", "Bình An", "Thảo Dược"],
        products: &[
            ("nền tảng khám bệnh từ xa (telemedicine)", "a telemedicine platform"),
            ("hồ sơ sức khỏe điện tử của phòng khám", "electronic health records in clinics"),
            ("phần mềm AI hỗ trợ đọc phim X-quang", "AI-assisted chest X-ray reading"),
            ("thiết bị theo dõi sức khỏe người cao tuổi tại nhà", "home health monitors for the elderly"),
            ("hệ thống đặt lịch khám và quản lý nhà thuốc", "appointment booking and pharmacy management"),
            ("ứng dụng chăm sóc sức khỏe bà mẹ và trẻ em", "a maternal and child health app"),
        ],
        problems: &[
            ("bệnh viện tuyến trên quá tải trong khi y tế cơ sở thiếu bác sĩ chuyên khoa", "central hospitals are overcrowded while district clinics lack specialists"),
            ("người bệnh mạn tính ở vùng xa khó tái khám định kỳ", "chronic patients in remote areas struggle to attend follow-ups"),
            ("nhiều phòng khám tư vẫn lưu hồ sơ bệnh án trên giấy", "many private clinics still keep paper medical records"),
            ("người cao tuổi sống một mình không được theo dõi sức khỏe thường xuyên", "elderly people living alone go unmonitored"),
        ],
        customers: &[
            ("phòng khám tư nhân", "private clinics"),
            ("bệnh viện tuyến huyện", "district hospitals"),
            ("người cao tuổi và gia đình", "elderly people and their families"),
            ("nhà thuốc", "pharmacies"),
            ("bà mẹ mang thai", "expectant mothers"),
        ],
        benefits: &[
            ("rút ngắn {p}% thời gian chờ khám", "cut waiting times by {p}%"),
            ("phát hiện sớm dấu hiệu bất thường và giảm biến chứng", "catch warning signs early and avoid complications"),
            ("kết nối bác sĩ chuyên khoa với y tế cơ sở", "connect specialists with primary care"),
            ("quản lý đơn thuốc và tồn kho chính xác", "manage prescriptions and stock accurately"),
        ],
    },
    SectorInfo {
        key: "social-impact", name: "Khởi nghiệp xã hội", name_en: "Social impact", label: ("khởi nghiệp xã hội", "social impact"), weight: 4,
        rural: false, brand_en: &["Kind", "Hope", "Share", "Together", "Good"], brand_vi: &["Thương", "Chung Tay", "Nhân Ái", "Sẻ Chia"],
        products: &[
            ("mô hình sinh kế từ nghề dệt thổ cẩm của phụ nữ dân tộc thiểu số", "a livelihood model built on ethnic-minority brocade weaving"),
            ("nền tảng việc làm của người khuyết tật", "a job platform run with people with disabilities"),
            ("chương trình thu gom và tái chế rác thải nhựa cộng đồng", "community plastic-waste collection and recycling"),
            ("bếp ăn xã hội hỗ trợ bệnh nhân nghèo", "a social kitchen serving low-income patients"),
            ("ứng dụng kết nối tình nguyện viên với các tổ chức thiện nguyện", "an app matching volunteers with charities"),
            ("mô hình du lịch cộng đồng tạo thu nhập tại chỗ", "community-based tourism that brings income to villages"),
        ],
        problems: &[
            ("nhiều phụ nữ nông thôn và người khuyết tật chưa có việc làm ổn định", "many rural women and people with disabilities lack stable work"),
            ("rác thải nhựa gây ô nhiễm sông ngòi và bờ biển", "plastic waste pollutes rivers and coastlines"),
            ("các nhóm yếu thế khó tiếp cận dịch vụ xã hội cơ bản", "vulnerable groups struggle to access basic social services"),
            ("nghề truyền thống mai một vì sản phẩm thiếu đầu ra", "traditional crafts are dying out for lack of buyers"),
        ],
        customers: &[
            ("phụ nữ nông thôn", "rural women"),
            ("người khuyết tật", "people with disabilities"),
            ("cộng đồng đồng bào dân tộc thiểu số", "ethnic-minority communities"),
            ("các tổ chức phi lợi nhuận", "non-profits"),
            ("chính quyền địa phương", "local authorities"),
        ],
        benefits: &[
            ("có việc làm và thu nhập ổn định", "find stable work and income"),
            ("tăng thu nhập hộ gia đình thêm {p}%", "raise household incomes by {p}%"),
            ("giảm lượng rác thải nhựa ra môi trường", "keep plastic out of the environment"),
            ("bảo tồn nghề truyền thống gắn với sinh kế bền vững", "preserve traditional crafts as a sustainable livelihood"),
        ],
    },
    SectorInfo {
        key: "tourism", name: "Du lịch", name_en: "Tourism", label: ("du lịch", "tourism"), weight: 6, rural: true,
        brand_en: &["Trip", "Travel", "Tour", "Stay", "Journey"], brand_vi: &["Du", "Miệt Vườn", "Chợ Nổi", "Phố Cổ", "Bến"],
        products: &[
            ("nền tảng đặt tour du lịch cộng đồng và homestay", "a booking platform for community tours and homestays"),
            ("ứng dụng thuyết minh tự động đa ngôn ngữ tại di tích", "a multilingual audio guide at heritage sites"),
            ("bản đồ số trải nghiệm chợ nổi và miệt vườn", "a digital map of floating markets and orchards"),
            ("phần mềm quản lý đặt phòng của homestay", "homestay booking software"),
            ("tour trải nghiệm nông nghiệp sinh thái", "eco-agritourism experiences"),
            ("ứng dụng thực tế ảo (VR) quảng bá điểm đến", "VR destination marketing"),
        ],
        problems: &[
            ("các homestay nhỏ phụ thuộc vào nền tảng đặt phòng quốc tế với phí hoa hồng cao", "small homestays depend on global booking sites with high commissions"),
            ("du khách khó tìm thông tin tin cậy về các điểm đến ít được biết đến", "travellers cannot find reliable information on lesser-known destinations"),
            ("sản phẩm du lịch địa phương còn đơn điệu và trùng lặp", "local tourism products are repetitive"),
            ("nhiều di tích thiếu thuyết minh viên ngoại ngữ", "many heritage sites lack foreign-language guides"),
        ],
        customers: &[
            ("homestay và nhà vườn", "homestays and orchard hosts"),
            ("công ty lữ hành", "tour operators"),
            ("du khách quốc tế", "international travellers"),
            ("ban quản lý di tích", "heritage site managers"),
            ("hợp tác xã du lịch cộng đồng", "community tourism cooperatives"),
        ],
        benefits: &[
            ("tăng {p}% lượng khách đặt trực tiếp", "raise direct bookings by {p}%"),
            ("giữ chân du khách lâu hơn", "keep visitors longer"),
            ("quảng bá đặc sản và văn hóa địa phương", "promote local specialities and culture"),
            ("quản lý đặt phòng và thanh toán trên một ứng dụng", "manage bookings and payments in one app"),
        ],
    },
    SectorInfo {
        key: "foodtech", name: "Công nghệ chế biến thực phẩm", name_en: "Food-processing technology",
        label: ("công nghệ chế biến thực phẩm", "food processing"), weight: 6, rural: true, brand_en: &["Food", "Fresh", "Kitchen", "Nutri", "Bake"],
        brand_vi: &["Bếp", "Ngon", "Mắm", "Bánh", "Trái Ngọt"],
        products: &[
            ("công nghệ sấy lạnh giữ nguyên dinh dưỡng trái cây", "cold-drying technology that keeps fruit nutrients"),
            ("dây chuyền chế biến sâu nông sản thành sản phẩm OCOP", "deep-processing lines turning produce into OCOP products"),
            ("bao bì sinh học kéo dài thời gian bảo quản", "bio-based packaging that extends shelf life"),
            ("nguyên liệu protein thực vật từ đậu nành và nấm", "plant-based protein from soy and mushrooms"),
            ("phần mềm quản lý an toàn thực phẩm theo HACCP", "HACCP food-safety management software"),
            ("công nghệ lên men nước mắm và đặc sản truyền thống", "fermentation technology for fish sauce and traditional specialities"),
        ],
        problems: &[
            ("phần lớn nông sản được bán thô nên giá trị gia tăng thấp", "most farm produce is sold raw with little value added"),
            ("tổn thất sau thu hoạch trái cây lên tới hàng chục phần trăm", "post-harvest fruit losses reach tens of percent"),
            ("cơ sở chế biến nhỏ khó đáp ứng tiêu chuẩn an toàn thực phẩm", "small processors struggle to meet food-safety standards"),
            ("người tiêu dùng lo ngại thực phẩm không rõ nguồn gốc", "consumers worry about food of unknown origin"),
        ],
        customers: &[
            ("cơ sở chế biến nhỏ", "small food processors"),
            ("chủ thể sản phẩm OCOP", "OCOP producers"),
            ("chuỗi siêu thị và cửa hàng tiện lợi", "supermarket and convenience chains"),
            ("doanh nghiệp xuất khẩu thực phẩm", "food exporters"),
            ("bếp ăn công nghiệp", "industrial canteens"),
        ],
        benefits: &[
            ("nâng giá trị nông sản thêm {p}%", "raise the value of produce by {p}%"),
            ("kéo dài thời gian bảo quản mà không dùng chất bảo quản", "extend shelf life without preservatives"),
            ("đạt tiêu chuẩn HACCP và ISO 22000", "meet HACCP and ISO 22000 standards"),
            ("đưa đặc sản địa phương lên kệ siêu thị", "put local specialities on supermarket shelves"),
        ],
    },
    SectorInfo {
        key: "industry-4", name: "Công nghệ công nghiệp 4.0", name_en: "Industry 4.0", label: ("công nghệ công nghiệp 4.0", "Industry 4.0"),
        weight: 5, rural: false, brand_en: &["Robo", "Factory", "Auto", "Sensor", "Twin"], brand_vi: &["Máy", "Xưởng", "Cơ Khí", "Thép"],
        products: &[
            ("hệ thống giám sát máy móc và bảo trì dự đoán", "machine monitoring and predictive maintenance"),
            ("robot tự hành trong kho xưởng", "autonomous mobile robots in warehouses"),
            ("hệ thống điều hành sản xuất (MES) theo thời gian thực", "a real-time manufacturing execution system (MES)"),
            ("camera AI kiểm tra lỗi sản phẩm trên dây chuyền", "AI cameras that inspect products on the line"),
            ("giải pháp bản sao số (digital twin) nhà máy", "factory digital twins"),
            ("cảm biến IoT công nghiệp đo điện năng tiêu thụ", "industrial IoT energy meters"),
        ],
        problems: &[
            ("nhà máy vừa và nhỏ dừng máy đột xuất gây thiệt hại lớn", "unplanned downtime costs small factories dearly"),
            ("kiểm tra chất lượng thủ công chậm và dễ sai sót", "manual quality inspection is slow and error-prone"),
            ("doanh nghiệp sản xuất thiếu dữ liệu để tối ưu năng suất", "manufacturers lack the data to improve productivity"),
            ("chi phí năng lượng chiếm tỷ trọng lớn trong giá thành", "energy is a large share of production cost"),
        ],
        customers: &[
            ("nhà máy cơ khí và điện tử", "mechanical and electronics plants"),
            ("doanh nghiệp trong khu công nghiệp", "firms in industrial parks"),
            ("nhà cung cấp linh kiện", "component suppliers"),
            ("xưởng dệt may và da giày", "garment and footwear workshops"),
            ("doanh nghiệp chế biến gỗ", "wood processors"),
        ],
        benefits: &[
            ("giảm {p}% thời gian dừng máy", "cut downtime by {p}%"),
            ("phát hiện lỗi sản phẩm với độ chính xác trên 98%", "catch defects with over 98% accuracy"),
            ("theo dõi hiệu suất thiết bị tổng thể (OEE) theo thời gian thực", "track overall equipment effectiveness (OEE) in real time"),
            ("tiết kiệm điện năng và chi phí vận hành", "save energy and operating costs"),
        ],
    },
    SectorInfo {
        key: "it", name: "Công nghệ thông tin", name_en: "Information technology", label: ("công nghệ thông tin", "information technology"),
        weight: 10, rural: false, brand_en: &["Soft", "Cloud", "Code", "Data", "Dev"], brand_vi: &["Số", "Mạng", "Mã", "Phần Mềm"],
        products: &[
            ("phần mềm ERP của doanh nghiệp nhỏ", "lightweight ERP software"),
            ("nền tảng SaaS quản lý bán hàng đa kênh", "a SaaS multi-channel sales platform"),
            ("dịch vụ điện toán đám mây và an ninh mạng", "cloud and cybersecurity services"),
            ("giải pháp chính quyền số cấp xã", "digital-government tools at commune level"),
            ("nền tảng low-code xây dựng ứng dụng nội bộ", "a low-code platform for internal apps"),
            ("hệ thống chữ ký số và hợp đồng điện tử", "digital signatures and e-contracts"),
        ],
        problems: &[
            ("doanh nghiệp nhỏ chưa đủ nguồn lực để tự xây dựng hệ thống công nghệ thông tin", "small firms lack the resources to build their own IT systems"),
            ("tấn công mạng và mã độc tống tiền ngày càng gia tăng", "cyber attacks and ransomware are rising"),
            ("thủ tục hành chính vẫn cần nhiều giấy tờ", "administrative procedures still need piles of paper"),
            ("dữ liệu bán hàng phân tán trên nhiều kênh", "sales data is scattered across channels"),
        ],
        customers: &[
            ("doanh nghiệp nhỏ và vừa", "SMEs"),
            ("ủy ban nhân dân cấp xã", "commune people's committees"),
            ("cửa hàng bán lẻ", "retail shops"),
            ("công ty phần mềm", "software houses"),
            ("trường học và bệnh viện", "schools and hospitals"),
        ],
        benefits: &[
            ("chuyển đổi số với chi phí thấp hơn {p}%", "go digital at {p}% lower cost"),
            ("bảo vệ dữ liệu trước tấn công mạng", "protect data against cyber attacks"),
            ("ký hợp đồng từ xa hợp lệ theo Luật Giao dịch điện tử", "sign legally valid contracts remotely"),
            ("quản lý toàn bộ đơn hàng trên một màn hình", "manage every order on one screen"),
        ],
    },
    SectorInfo {
        key: "indigenous-resources", name: "Khai thác tài nguyên bản địa", name_en: "Use of indigenous resources",
        label: ("khai thác tài nguyên bản địa", "indigenous resources"), weight: 3, rural: true,
        brand_en: &["Herb", "Native", "Craft", "Coco", "Bamboo"], brand_vi: &["Sâm", "Dừa", "Tràm", "Lục Bình", "Thổ Cẩm"],
        products: &[
            ("sản phẩm dược liệu từ sâm và cây thuốc bản địa", "herbal products from native ginseng and medicinal plants"),
            ("mỹ phẩm thiên nhiên từ dừa và tràm", "natural cosmetics from coconut and melaleuca"),
            ("đồ thủ công mỹ nghệ từ lục bình và tre", "handicrafts from water hyacinth and bamboo"),
            ("nền tảng thương mại hóa đặc sản vùng miền đạt chuẩn OCOP", "a platform selling OCOP-certified regional specialities"),
            ("chế phẩm sinh học từ vi sinh vật bản địa", "bio-products from native microorganisms"),
            ("vật liệu xây dựng từ tro trấu và xơ dừa", "building materials from rice-husk ash and coconut fibre"),
        ],
        problems: &[
            ("tài nguyên bản địa như dược liệu, lục bình, dừa chưa được khai thác đúng giá trị", "native resources such as herbs, water hyacinth and coconut are under-used"),
            ("đặc sản địa phương thiếu thương hiệu và chỉ dẫn địa lý", "local specialities lack brands and geographical indications"),
            ("phụ phẩm nông nghiệp như rơm rạ, vỏ trấu bị đốt bỏ gây ô nhiễm", "farm by-products such as straw and rice husk are burned, polluting the air"),
            ("người trồng dược liệu bán nguyên liệu thô với giá thấp", "herb growers sell raw material cheaply"),
        ],
        customers: &[
            ("hợp tác xã dược liệu", "herb cooperatives"),
            ("làng nghề truyền thống", "craft villages"),
            ("cửa hàng quà tặng và đặc sản", "gift and speciality shops"),
            ("doanh nghiệp mỹ phẩm", "cosmetics makers"),
            ("khách du lịch", "tourists"),
        ],
        benefits: &[
            ("nâng giá trị sản phẩm bản địa thêm {p}%", "raise the value of native products by {p}%"),
            ("xây dựng thương hiệu và chỉ dẫn địa lý cho đặc sản", "build brands and geographical indications for specialities"),
            ("tận dụng phụ phẩm nông nghiệp thay vì đốt bỏ", "reuse farm by-products instead of burning them"),
            ("tạo việc làm cho người dân làng nghề", "create jobs in craft villages"),
        ],
    },
    SectorInfo {
        key: "logistics", name: "Logistics và vận tải", name_en: "Logistics", label: ("logistics", "logistics"), weight: 5, rural: false,
        brand_en: &["Ship", "Cargo", "Freight", "Move", "Fleet"], brand_vi: &["Xe", "Kho", "Cảng", "Hàng"],
        products: &[
            ("nền tảng kết nối xe tải chạy chiều về", "a backhaul freight-matching platform"),
            ("phần mềm tối ưu lộ trình giao hàng chặng cuối", "last-mile route optimisation software"),
            ("mạng lưới kho lạnh chia sẻ bảo quản nông sản", "shared cold storage of fresh produce"),
            ("hệ thống theo dõi container theo thời gian thực tại cảng", "real-time container tracking at ports"),
            ("dịch vụ giao hàng bằng xe điện trong đô thị", "electric-vehicle urban delivery"),
            ("giải pháp quản lý kho thông minh (WMS)", "a smart warehouse management system (WMS)"),
        ],
        problems: &[
            ("hơn một nửa số chuyến xe tải chạy rỗng chiều về", "more than half of trucks return empty"),
            ("chi phí logistics chiếm tỷ trọng cao trong giá thành hàng hóa", "logistics costs weigh heavily on the price of goods"),
            ("nông sản thiếu kho lạnh nên hư hỏng trên đường vận chuyển", "produce spoils in transit for lack of cold storage"),
            ("chủ hàng khó theo dõi container qua cảng và kho bãi", "shippers cannot track containers through ports and depots"),
        ],
        customers: &[
            ("doanh nghiệp vận tải", "trucking companies"),
            ("chủ hàng xuất nhập khẩu", "importers and exporters"),
            ("cửa hàng thương mại điện tử", "online shops"),
            ("hợp tác xã nông sản", "produce cooperatives"),
            ("cảng cạn và kho bãi", "inland ports and depots"),
        ],
        benefits: &[
            ("giảm {p}% chi phí vận chuyển", "cut transport costs by {p}%"),
            ("giao hàng đúng hẹn và minh bạch hành trình", "deliver on time with full visibility"),
            ("bảo quản nông sản tươi lâu hơn", "keep produce fresh longer"),
            ("theo dõi container 24/7", "track containers around the clock"),
        ],
    },
    SectorInfo {
        key: "ecommerce", name: "Thương mại điện tử", name_en: "E-commerce", label: ("thương mại điện tử", "e-commerce"), weight: 8, rural: false,
        brand_en: &["Shop", "Cart", "Buy", "Deal", "Market"], brand_vi: &["Chợ", "Sạp", "Mua", "Hàng Việt"],
        products: &[
            ("sàn thương mại điện tử chuyên đặc sản OCOP", "an online marketplace of OCOP specialities"),
            ("công cụ bán hàng qua livestream của tiểu thương", "livestream selling tools built around small traders"),
            ("nền tảng social commerce mua chung theo nhóm", "a group-buying social-commerce platform"),
            ("chatbot chốt đơn trên mạng xã hội", "chatbots that close orders on social networks"),
            ("dịch vụ hoàn tất đơn hàng (fulfillment) trọn gói", "end-to-end order fulfilment"),
            ("website bán hàng dựng sẵn của hộ kinh doanh", "ready-made web shops"),
        ],
        problems: &[
            ("hộ sản xuất nhỏ chưa biết cách đưa sản phẩm lên kênh bán hàng trực tuyến", "small producers do not know how to sell online"),
            ("chi phí quảng cáo trên các sàn lớn ngày càng tăng", "advertising costs on the big marketplaces keep rising"),
            ("người bán online mất nhiều thời gian xử lý đơn và giao hàng", "online sellers spend hours on orders and shipping"),
            ("hàng giả, hàng nhái làm giảm niềm tin của người mua", "counterfeits erode buyers' trust"),
        ],
        customers: &[
            ("hộ sản xuất và tiểu thương", "small producers and traders"),
            ("chủ thể OCOP", "OCOP producers"),
            ("người bán hàng online", "online sellers"),
            ("thương hiệu tiêu dùng nội địa", "local consumer brands"),
            ("người tiêu dùng trẻ", "young shoppers"),
        ],
        benefits: &[
            ("tăng doanh số bán hàng trực tuyến thêm {p}%", "grow online sales by {p}%"),
            ("chốt đơn tự động 24/7", "close orders automatically around the clock"),
            ("giao hàng toàn quốc mà không cần kho riêng", "ship nationwide without their own warehouse"),
            ("tạo niềm tin bằng hàng chính hãng rõ nguồn gốc", "build trust with genuine, traceable goods"),
        ],
    },
    SectorInfo {
        key: "cleantech", name: "Năng lượng sạch và môi trường", name_en: "Cleantech", label: ("năng lượng sạch và môi trường", "cleantech"),
        weight: 5, rural: false, brand_en: &["Solar", "Eco", "Green", "Volt", "Carbon"], brand_vi: &["Nắng", "Gió", "Nước", "Xanh"],
        products: &[
            ("hệ thống điện mặt trời áp mái kèm lưu trữ", "rooftop solar with battery storage"),
            ("công nghệ xử lý nước thải chăn nuôi thành biogas", "technology turning livestock wastewater into biogas"),
            ("thiết bị lọc nước nhiễm mặn quy mô hộ gia đình", "household desalination filters"),
            ("nền tảng đo lường và giao dịch tín chỉ carbon", "a carbon-credit measurement and trading platform"),
            ("bao bì thay thế nhựa làm từ bã mía", "plastic-free packaging made of sugar-cane bagasse"),
            ("giải pháp quản lý năng lượng tòa nhà", "building energy management"),
        ],
        problems: &[
            ("nhiều hộ dân vùng ven biển thiếu nước ngọt vào mùa khô", "coastal households run short of fresh water in the dry season"),
            ("nước thải chăn nuôi gây ô nhiễm kênh rạch", "livestock wastewater pollutes canals"),
            ("giá điện tăng làm giảm sức cạnh tranh của doanh nghiệp", "rising electricity prices hurt competitiveness"),
            ("doanh nghiệp xuất khẩu chịu áp lực giảm phát thải khí nhà kính", "exporters face pressure to cut greenhouse-gas emissions"),
        ],
        customers: &[
            ("hộ gia đình vùng ven biển", "coastal households"),
            ("trang trại chăn nuôi", "livestock farms"),
            ("nhà máy và khu công nghiệp", "factories and industrial parks"),
            ("tòa nhà văn phòng", "office buildings"),
            ("doanh nghiệp xuất khẩu", "exporters"),
        ],
        benefits: &[
            ("giảm {p}% chi phí điện năng", "cut electricity costs by {p}%"),
            ("có nước sạch quanh năm", "have clean water all year round"),
            ("giảm phát thải, hướng tới mục tiêu Net Zero", "reduce emissions towards net zero"),
            ("biến chất thải thành năng lượng", "turn waste into energy"),
        ],
    },
];

// ---------------------------------------------------------------------------
// Tables: provinces
// ---------------------------------------------------------------------------

pub(super) const RED_RIVER_DELTA: &str = "Red River Delta";
pub(super) const NORTHERN_MOUNTAINS: &str = "Northern Midlands and Mountains";
pub(super) const NORTH_CENTRAL_COAST: &str = "North Central Coast";
pub(super) const SOUTH_CENTRAL_COAST: &str = "South Central Coast";
pub(super) const CENTRAL_HIGHLANDS: &str = "Central Highlands";
pub(super) const SOUTH_EAST: &str = "South East";
pub(super) const MEKONG_DELTA: &str = "Mekong Delta";

pub(super) const PROVINCES: &[ProvinceInfo] = &[
    ProvinceInfo { key: "hai-phong", name: "Hải Phòng", name_en: "Hai Phong", region: RED_RIVER_DELTA, weight: 6, area_code: "225", city: true, domain: "haiphong", plan: true },
    ProvinceInfo { key: "hung-yen", name: "Hưng Yên", name_en: "Hung Yen", region: RED_RIVER_DELTA, weight: 3, area_code: "221", city: false, domain: "hungyen", plan: true },
    ProvinceInfo { key: "ho-chi-minh", name: "Thành phố Hồ Chí Minh", name_en: "Ho Chi Minh City", region: SOUTH_EAST, weight: 30, area_code: "28", city: true, domain: "hochiminhcity", plan: true },
    ProvinceInfo { key: "can-tho", name: "Cần Thơ", name_en: "Can Tho", region: MEKONG_DELTA, weight: 7, area_code: "292", city: true, domain: "cantho", plan: true },
    ProvinceInfo { key: "ha-noi", name: "Hà Nội", name_en: "Hanoi", region: RED_RIVER_DELTA, weight: 25, area_code: "24", city: true, domain: "hanoi", plan: false },
    ProvinceInfo { key: "bac-ninh", name: "Bắc Ninh", name_en: "Bac Ninh", region: RED_RIVER_DELTA, weight: 3, area_code: "222", city: false, domain: "bacninh", plan: false },
    ProvinceInfo { key: "quang-ninh", name: "Quảng Ninh", name_en: "Quang Ninh", region: RED_RIVER_DELTA, weight: 2, area_code: "203", city: false, domain: "quangninh", plan: false },
    ProvinceInfo { key: "thai-nguyen", name: "Thái Nguyên", name_en: "Thai Nguyen", region: NORTHERN_MOUNTAINS, weight: 2, area_code: "208", city: false, domain: "thainguyen", plan: false },
    ProvinceInfo { key: "lao-cai", name: "Lào Cai", name_en: "Lao Cai", region: NORTHERN_MOUNTAINS, weight: 1, area_code: "214", city: false, domain: "laocai", plan: false },
    ProvinceInfo { key: "thanh-hoa", name: "Thanh Hóa", name_en: "Thanh Hoa", region: NORTH_CENTRAL_COAST, weight: 2, area_code: "237", city: false, domain: "thanhhoa", plan: false },
    ProvinceInfo { key: "nghe-an", name: "Nghệ An", name_en: "Nghe An", region: NORTH_CENTRAL_COAST, weight: 2, area_code: "238", city: false, domain: "nghean", plan: false },
    ProvinceInfo { key: "hue", name: "Huế", name_en: "Hue", region: NORTH_CENTRAL_COAST, weight: 2, area_code: "234", city: true, domain: "hue", plan: false },
    ProvinceInfo { key: "da-nang", name: "Đà Nẵng", name_en: "Da Nang", region: SOUTH_CENTRAL_COAST, weight: 8, area_code: "236", city: true, domain: "danang", plan: false },
    ProvinceInfo { key: "khanh-hoa", name: "Khánh Hòa", name_en: "Khanh Hoa", region: SOUTH_CENTRAL_COAST, weight: 2, area_code: "258", city: false, domain: "khanhhoa", plan: false },
    ProvinceInfo { key: "dak-lak", name: "Đắk Lắk", name_en: "Dak Lak", region: CENTRAL_HIGHLANDS, weight: 2, area_code: "262", city: false, domain: "daklak", plan: false },
    ProvinceInfo { key: "lam-dong", name: "Lâm Đồng", name_en: "Lam Dong", region: CENTRAL_HIGHLANDS, weight: 2, area_code: "263", city: false, domain: "lamdong", plan: false },
    ProvinceInfo { key: "dong-nai", name: "Đồng Nai", name_en: "Dong Nai", region: SOUTH_EAST, weight: 3, area_code: "251", city: false, domain: "dongnai", plan: false },
    ProvinceInfo { key: "an-giang", name: "An Giang", name_en: "An Giang", region: MEKONG_DELTA, weight: 2, area_code: "296", city: false, domain: "angiang", plan: false },
    ProvinceInfo { key: "dong-thap", name: "Đồng Tháp", name_en: "Dong Thap", region: MEKONG_DELTA, weight: 2, area_code: "277", city: false, domain: "dongthap", plan: false },
    ProvinceInfo { key: "vinh-long", name: "Vĩnh Long", name_en: "Vinh Long", region: MEKONG_DELTA, weight: 1, area_code: "270", city: false, domain: "vinhlong", plan: false },
    ProvinceInfo { key: "ca-mau", name: "Cà Mau", name_en: "Ca Mau", region: MEKONG_DELTA, weight: 1, area_code: "290", city: false, domain: "camau", plan: false },
];

/// In the order of `Topic::ALL`.
pub(super) const TOPICS: &[TopicInfo] = &[
    TopicInfo { topic: Topic::CreativeThinking, label: ("tư duy sáng tạo", "creative thinking"), headline: ("Huấn luyện viên tư duy sáng tạo và design thinking", "Design-thinking coach") },
    TopicInfo { topic: Topic::IntellectualProperty, label: ("sở hữu trí tuệ", "intellectual property"), headline: ("Chuyên gia sở hữu trí tuệ và sáng chế", "IP and patent attorney") },
    TopicInfo { topic: Topic::BusinessManagement, label: ("quản trị doanh nghiệp", "business management"), headline: ("Chuyên gia quản trị doanh nghiệp", "Operations and management advisor") },
    TopicInfo { topic: Topic::Marketing, label: ("marketing", "marketing"), headline: ("Chuyên gia marketing số", "Marketing lead") },
    TopicInfo { topic: Topic::MarketResearch, label: ("nghiên cứu và thử nghiệm thị trường", "market research and testing"), headline: ("Chuyên gia nghiên cứu thị trường", "Market-research consultant") },
    TopicInfo { topic: Topic::BusinessModel, label: ("mô hình kinh doanh", "business models"), headline: ("Cố vấn xây dựng mô hình kinh doanh", "Business-model coach") },
    TopicInfo { topic: Topic::Fundraising, label: ("kỹ năng gọi vốn", "fundraising"), headline: ("Cố vấn gọi vốn và đầu tư", "Fundraising advisor") },
    TopicInfo { topic: Topic::DigitalTransformation, label: ("chuyển đổi số", "digital transformation"), headline: ("Chuyên gia chuyển đổi số", "Digital transformation lead") },
    TopicInfo { topic: Topic::Legal, label: ("thủ tục pháp lý", "legal matters"), headline: ("Chuyên gia pháp lý doanh nghiệp", "Corporate lawyer") },
    TopicInfo { topic: Topic::Tax, label: ("thuế và kế toán", "tax and accounting"), headline: ("Chuyên gia thuế và kế toán", "Tax advisor") },
    TopicInfo { topic: Topic::QualityStandards, label: ("tiêu chuẩn chất lượng và năng suất", "quality and productivity standards"), headline: ("Chuyên gia tiêu chuẩn chất lượng (ISO, VietGAP, HACCP)", "Quality and ISO auditor") },
    TopicInfo { topic: Topic::Ecommerce, label: ("thương mại điện tử", "e-commerce"), headline: ("Chuyên gia thương mại điện tử", "E-commerce growth lead") },
    TopicInfo { topic: Topic::Branding, label: ("xây dựng thương hiệu", "branding"), headline: ("Chuyên gia xây dựng thương hiệu", "Brand strategist") },
    TopicInfo { topic: Topic::TechnologyTransfer, label: ("chuyển giao công nghệ", "technology transfer"), headline: ("Chuyên gia chuyển giao công nghệ", "Technology-transfer officer") },
    TopicInfo { topic: Topic::ProductDevelopment, label: ("phát triển sản phẩm", "product development"), headline: ("Giám đốc sản phẩm", "Product manager") },
    TopicInfo { topic: Topic::InternationalExpansion, label: ("mở rộng thị trường quốc tế", "international expansion"), headline: ("Cố vấn mở rộng thị trường quốc tế", "Go-global advisor") },
];

pub(super) const TAGLINES: &[Pair] = &[
    ("{product} cho {customer}", "{product} for {customer}"),
    ("{product} giúp {customer} {benefit}", "{product}, helping {customer} {benefit}"),
    ("giải pháp {sector} giúp {customer} {benefit}", "{sector} that helps {customer} {benefit}"),
    ("{product} – {benefit}", "{product}: {benefit}"),
];

pub(super) const STARTUP_INTROS: &[Pair] = &[
    ("{name} phát triển {product}, phục vụ {customer}.", "{name} builds {product}, serving {customer}."),
    ("{name} là dự án khởi nghiệp đổi mới sáng tạo tại {province}, xây dựng {product}.", "{name} is an innovative startup from {province} building {product}."),
    ("{name} cung cấp {product} giúp {customer} {benefit}.", "{name} offers {product}, helping {customer} {benefit}."),
    ("ra đời tại {province}, {name} mang {product} đến với {customer}.", "founded in {province}, {name} brings {product} to {customer}."),
    ("doanh nghiệp khởi nghiệp {name} hoạt động trong lĩnh vực {sectors}, tập trung vào {product}.", "{name} works in {sectors}, focusing on {product}."),
];

pub(super) const STARTUP_PROBLEMS: &[Pair] = &[
    ("hiện nay, {problem}.", "today, {problem}."),
    ("vấn đề chúng tôi giải quyết: {problem}.", "the problem we solve: {problem}."),
    ("tại {province}, {problem}, trong khi các giải pháp hiện có còn đắt và khó sử dụng.", "in {province}, {problem}, and existing solutions are expensive and hard to use."),
    ("khảo sát của nhóm cho thấy {problem}.", "our survey shows that {problem}."),
];

pub(super) const STARTUP_SOLUTIONS: &[Pair] = &[
    ("giải pháp của chúng tôi dùng {product2} để {benefit2}.", "our solution uses {product2} to {benefit2}."),
    ("nhờ {product2}, {customer2} có thể {benefit2}.", "with {product2}, {customer2} can {benefit2}."),
    ("khách hàng mục tiêu còn có {customer2}; sản phẩm giúp họ {benefit2}.", "we also serve {customer2} and help them {benefit2}."),
];

/// Per stage, in the order of `Stage::ALL`.
pub(super) const TRACTION: [&[Pair]; 5] = [
    &[
        ("ý tưởng đang được kiểm chứng qua phỏng vấn {n} khách hàng tiềm năng.", "we have interviewed {n} potential customers to validate the idea."),
        ("nhóm đã hoàn thành nghiên cứu thị trường ban đầu và tham gia chương trình ươm tạo ý tưởng.", "the team has finished its first market research and joined an idea-incubation programme."),
    ],
    &[
        ("bản MVP đang được thử nghiệm với {n} người dùng đầu tiên.", "our MVP is being piloted with {n} early users."),
        ("sản phẩm mẫu đã chạy thử tại {k} điểm với phản hồi tích cực.", "a prototype has been tested at {k} sites with positive feedback."),
    ],
    &[
        ("doanh thu đạt {m} triệu đồng mỗi tháng, tăng {p}% so với quý trước.", "revenue has reached VND {m} million a month, up {p}% on the previous quarter."),
        ("dự án đã có {n} khách hàng trả phí và {k} đối tác phân phối.", "we have {n} paying customers and {k} distribution partners."),
    ],
    &[
        ("công ty phục vụ {n} khách hàng, doanh thu tăng {p}% mỗi năm.", "we serve {n} customers and revenue grows {p}% a year."),
        ("sau vòng gọi vốn hạt giống, công ty đã mở rộng ra {k} tỉnh thành.", "after a seed round we now operate in {k} provinces."),
    ],
    &[
        ("công ty hoạt động tại {k} tỉnh thành và đã bắt đầu xuất khẩu sang Đông Nam Á.", "we operate in {k} provinces and have started exporting to South-East Asia."),
        ("doanh thu năm vượt {b} tỷ đồng với hơn {n} khách hàng.", "annual revenue exceeds VND {b} billion with more than {n} customers."),
    ],
];

pub(super) const STARTUP_ASKS: &[Pair] = &[
    ("dự án đang tìm kiếm {seeking} và cố vấn về {topics}.", "we are looking for {seeking} and mentors in {topics}."),
    ("đội ngũ {team} thành viên mong muốn kết nối với nhà đầu tư và chuyên gia về {topics}.", "our team of {team} wants to meet investors and experts in {topics}."),
    ("chúng tôi cần hỗ trợ về {topics} để {goal}.", "we need help with {topics} to {goal}."),
];

/// What a startup wants to do next, per stage.
pub(super) const GOALS: [Pair; 5] = [
    ("hoàn thiện ý tưởng và làm sản phẩm mẫu", "turn the idea into a prototype"),
    ("thương mại hóa sản phẩm", "bring the product to market"),
    ("mở rộng thị trường", "grow into new markets"),
    ("mở rộng ra toàn quốc", "scale nationwide"),
    ("vươn ra thị trường Đông Nam Á", "expand across South-East Asia"),
];

pub(super) const THESIS_INTROS: &[Pair] = &[
    ("{name} đầu tư vào các doanh nghiệp khởi nghiệp lĩnh vực {sectors} ở giai đoạn {stages}.", "{name} invests in {sectors} startups at the {stages}."),
    ("chúng tôi tìm kiếm các startup {sectors} giai đoạn {stages} có đội ngũ mạnh và sản phẩm khác biệt.", "we back {sectors} startups at the {stages} with strong teams and differentiated products."),
    ("danh mục đầu tư của {name} tập trung vào {sectors}, ở giai đoạn {stages}.", "the portfolio of {name} focuses on {sectors}, at the {stages}."),
];

pub(super) const THESIS_FOCUS: &[Pair] = &[
    ("chúng tôi đặc biệt quan tâm tới {product} và {product2}.", "we are especially interested in {product} and {product2}."),
    ("ưu tiên các đội ngũ phục vụ {customer} có khả năng {benefit}.", "we favour teams serving {customer} that can {benefit}."),
    ("cơ hội hấp dẫn với chúng tôi: {product}; {product2}.", "opportunities we like: {product}; {product2}."),
];

pub(super) const THESIS_TICKET: Pair = ("khoản đầu tư điển hình từ {ticket_min} đến {ticket_max}.", "typical tickets range from {ticket_min} to {ticket_max}.");
pub(super) const THESIS_SUPPORT: Pair = ("ngoài vốn, chúng tôi hỗ trợ {support}.", "beyond capital, we offer {support}.");
pub(super) const THESIS_NATIONWIDE: Pair = ("đầu tư trên toàn quốc, ưu tiên dự án đã có khách hàng đầu tiên.", "we invest nationwide and like teams with first customers.");
pub(super) const THESIS_REGIONAL: Pair = ("ưu tiên các dự án tại {provinces}.", "we focus on projects in {provinces}.");

pub(super) const BIO_INTROS: &[Pair] = &[
    ("{name} có hơn {years} năm kinh nghiệm trong lĩnh vực {sectors}.", "{name} has more than {years} years of experience in {sectors}."),
    ("{name} là chuyên gia về {topics} với {years} năm làm việc trong ngành {sectors}.", "{name} is an expert in {topics} with {years} years in {sectors}."),
];
pub(super) const BIO_TOPICS: Pair = ("thế mạnh chuyên môn: {topics}.", "areas of expertise: {topics}.");
pub(super) const BIO_MENTORED: Pair = ("{pronoun} đã cố vấn cho {n} dự án khởi nghiệp tại {province}, trong đó có các dự án về {product}.", "{pronoun} has mentored {n} startups in {province}, including teams working on {product}.");
pub(super) const BIO_JUDGED: Pair = ("từng là giám khảo {extra} và huấn luyện viên của nhiều chương trình ươm tạo.", "has judged {extra} and coached in several incubation programmes.");
pub(super) const BIO_STYLE: Pair = ("phong cách cố vấn thực tế, tập trung vào {topic1}, số liệu và khách hàng.", "hands-on mentoring style, focused on {topic1}, numbers and customers.");

pub(super) const JUDGED_EVENTS: &[Pair] = &[
    ("Techfest Việt Nam", "Techfest Vietnam"),
    ("cuộc thi Mekong Startup Runway", "the Mekong Startup Runway"),
    ("Giải thưởng I-Star", "the I-Star award"),
    ("Techfest Hải Phòng", "Techfest Haiphong"),
    ("Techfest Cần Thơ", "Techfest Can Tho"),
    ("cuộc thi Startup and Student Innovation Award", "the Startup and Student Innovation Award"),
];

/// Where a mentor comes from, appended to a headline.
pub(super) const BACKGROUNDS: &[Pair] = &[
    ("nguyên giám đốc một quỹ đầu tư mạo hiểm", "former VC fund director"),
    ("hơn 15 năm làm việc tại ngân hàng thương mại", "15+ years in commercial banking"),
    ("giảng viên đại học", "university lecturer"),
    ("nhà sáng lập hai startup", "two-time founder"),
    ("nguyên quản lý tại một công ty kiểm toán Big Four", "ex-Big Four manager"),
    ("cựu quản lý một sàn thương mại điện tử khu vực", "ex-regional e-commerce platform"),
    ("thành viên mạng lưới cố vấn khởi nghiệp quốc gia", "national startup mentor network"),
    ("nguyên giám đốc nhà máy FDI", "former FDI plant manager"),
];

pub(super) const ORG_INTRO: Pair = ("{name} là {extra} tại {province}, hỗ trợ các dự án khởi nghiệp đổi mới sáng tạo trong lĩnh vực {sectors}.", "{name} is {extra} in {province} supporting innovative startups in {sectors}.");
pub(super) const ORG_SERVICES: Pair = ("dịch vụ chính: {support}.", "services: {support}.");
pub(super) const ORG_SCALE: Pair = ("mỗi năm đồng hành cùng khoảng {k}0 dự án và kết nối họ với cố vấn, nhà đầu tư và các chương trình của Sở Khoa học và Công nghệ.", "each year it works with about {k}0 projects and connects them with mentors, investors and the programmes of the Department of Science and Technology.");

pub(super) const EVENT_INTRO: Pair = ("{name} do {party} tổ chức tại {province}, dành cho {support}.", "{name} is organised by {party} in {province} for {support}.");
pub(super) const EVENT_FOCUS: Pair = ("chủ đề trọng tâm: {sectors}.", "focus: {sectors}.");
pub(super) const EVENT_REGISTER: Pair = ("tham gia miễn phí, đăng ký trước trên cổng thông tin khởi nghiệp của địa phương.", "free to attend; please register on the local startup portal.");

pub(super) const ORG_KINDS: &[OrgKindInfo] = &[
    OrgKindInfo {
        kind: OrganizationKind::Incubator, weight: 20, label: ("cơ sở ươm tạo", "a business incubator"),
        services: ("chương trình ươm tạo 6–12 tháng, văn phòng và phòng thí nghiệm dùng chung, tư vấn sở hữu trí tuệ", "6–12 month incubation, shared offices and labs, and IP advice"),
        names: &[
            ("Vườn ươm Doanh nghiệp {brand}", "{b}incubator.vn"),
            ("{brand} Incubator {province_en}", "{b}{pd}.vn"),
            ("Cơ sở ươm tạo công nghệ {brand} {province}", "uomtao{b}.vn"),
        ],
    },
    OrgKindInfo {
        kind: OrganizationKind::Accelerator, weight: 12, label: ("tổ chức thúc đẩy kinh doanh", "an accelerator"),
        services: ("chương trình tăng tốc 3 tháng, kết nối khách hàng doanh nghiệp và Demo Day với các quỹ đầu tư", "a three-month acceleration programme, introductions to corporate customers and a demo day with investors"),
        names: &[
            ("{brand} Accelerator", "{b}accelerator.vn"),
            ("Chương trình Tăng tốc Khởi nghiệp {brand}", "tangtoc{b}.vn"),
            ("{brand} Venture Studio", "{b}studio.vn"),
        ],
    },
    OrgKindInfo {
        kind: OrganizationKind::Coworking, weight: 20, label: ("không gian làm việc chung", "a co-working space"),
        services: ("chỗ ngồi linh hoạt, phòng họp, sự kiện cộng đồng và giờ hỏi đáp với cố vấn", "flexible desks, meeting rooms, community events and mentor office hours"),
        names: &[
            ("{brand} Coworking {province_en}", "{b}coworking.vn"),
            ("Không gian làm việc chung {brand}", "{b}space.vn"),
            ("{brand} Hub {province_en}", "{b}hub.vn"),
        ],
    },
    OrgKindInfo {
        kind: OrganizationKind::StartupClub, weight: 18, label: ("câu lạc bộ khởi nghiệp", "a startup club"),
        services: ("sinh hoạt định kỳ, chia sẻ kinh nghiệm, cuộc thi ý tưởng và giao lưu với doanh nhân", "regular meet-ups, experience sharing, idea contests and introductions to entrepreneurs"),
        names: &[
            ("Câu lạc bộ Khởi nghiệp {group} {province}", "clbkhoinghiep{group_d}{pd}"),
            ("CLB Khởi nghiệp {group} – {province}", "startup{group_d}{pd}"),
        ],
    },
    OrgKindInfo {
        kind: OrganizationKind::UniversityCenter, weight: 14, label: ("trung tâm khởi nghiệp của nhà trường", "a university startup centre"),
        services: ("đào tạo khởi nghiệp cho sinh viên, ươm tạo ý tưởng và thương mại hóa kết quả nghiên cứu", "startup training for students, idea incubation and commercialisation of research"),
        names: &[
            ("Trung tâm Đổi mới sáng tạo – Trường Đại học {field} {province}", "dmst.dh{field_d}{pd}.edu.vn"),
            ("Trung tâm Khởi nghiệp sinh viên – Trường Cao đẳng {field} {province}", "khoinghiep.cd{field_d}{pd}.edu.vn"),
        ],
    },
    OrgKindInfo {
        kind: OrganizationKind::SupportCenter, weight: 8, label: ("trung tâm hỗ trợ khởi nghiệp", "a startup support centre"),
        services: ("tư vấn thủ tục, đào tạo, kết nối nguồn vốn và các chương trình hỗ trợ của tỉnh", "advice on procedures, training, access to finance and provincial support programmes"),
        names: &[
            ("Trung tâm Hỗ trợ doanh nghiệp nhỏ và vừa {province}", "smesupport{pd}.org.vn"),
            ("Trung tâm Hỗ trợ khởi nghiệp {brand} {province}", "{b}{pd}.org.vn"),
        ],
    },
    OrgKindInfo {
        kind: OrganizationKind::TechTransferOffice, weight: 8, label: ("tổ chức trung gian chuyển giao công nghệ", "a technology-transfer office"),
        services: ("định giá công nghệ, đăng ký sở hữu trí tuệ và môi giới chuyển giao công nghệ", "technology valuation, IP registration and technology-transfer brokerage"),
        names: &[
            ("Văn phòng Chuyển giao công nghệ {brand}", "{b}tto.vn"),
            ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ {province}", "ungdungkhcn{pd}.vn"),
        ],
    },
];

pub(super) const ORG_BRANDS: &[&str] = &[
    "Bình Minh",
    "Khởi Nguồn",
    "Ươm Mầm",
    "Sáng Tạo",
    "Kết Nối",
    "Bệ Phóng",
    "Hạt Giống",
    "Cất Cánh",
    "Tổ Ong",
    "Nest",
    "Launch",
    "Spark",
    "Orbit",
    "Lotus",
    "Bamboo",
    "Delta",
    "Phù Sa",
    "Sen Việt",
    "Ánh Dương",
    "Tương Lai",
];

/// (Vietnamese, web label) of the groups startup clubs gather.
pub(super) const CLUB_GROUPS: &[(&str, &str)] = &[
    ("Sinh viên", "sinhvien"),
    ("Doanh nhân trẻ", "doanhnhantre"),
    ("Phụ nữ", "phunu"),
    ("Nông dân", "nongdan"),
    ("Thanh niên", "thanhnien"),
];

/// (Vietnamese, web label) of the fields universities are named after.
pub(super) const UNIVERSITY_FIELDS: &[(&str, &str)] = &[
    ("Kinh tế", "kinhte"),
    ("Kỹ thuật", "kythuat"),
    ("Công nghiệp", "congnghiep"),
    ("Nông Lâm", "nonglam"),
    ("Y Dược", "yduoc"),
    ("Công nghệ", "congnghe"),
    ("Sư phạm", "supham"),
];

pub(super) const EVENT_KINDS: &[EventKindInfo] = &[
    EventKindInfo {
        kind: EventKind::Festival,
        titles: &[
            "Ngày hội Khởi nghiệp đổi mới sáng tạo {province} {year}",
            "Techfest {province} {year}",
        ],
        content: ("chương trình gồm triển lãm sản phẩm, phiên gọi vốn, hội thảo chuyên đề và kết nối đầu tư.", "the programme includes a product showcase, pitching sessions, talks and investor matchmaking."),
        audience: ("doanh nghiệp khởi nghiệp, nhà đầu tư, sinh viên và người dân quan tâm", "startups, investors, students and the public"),
    },
    EventKindInfo {
        kind: EventKind::Competition,
        titles: &[
            "Cuộc thi Ý tưởng khởi nghiệp {sector} {province} {year}",
            "Giải thưởng Khởi nghiệp sáng tạo {province} {year}",
        ],
        content: ("các đội thi trình bày dự án trước hội đồng giám khảo; đội đoạt giải được ươm tạo và kết nối với quỹ đầu tư.", "teams pitch to a jury; winners join an incubation programme and meet investors."),
        audience: ("học sinh, sinh viên và các nhóm khởi nghiệp", "pupils, students and startup teams"),
    },
    EventKindInfo {
        kind: EventKind::Pitching,
        titles: &[
            "Trải nghiệm gọi vốn – Demo Day {province} {year}",
            "Pitching Night #{n}: {sector_en}",
        ],
        content: ("mỗi dự án có 5 phút thuyết trình và 10 phút hỏi đáp với nhà đầu tư thiên thần và quỹ đầu tư mạo hiểm.", "each team has five minutes to pitch and ten minutes of questions from angels and VC funds."),
        audience: ("dự án khởi nghiệp đang gọi vốn và nhà đầu tư", "startups raising money and investors"),
    },
    EventKindInfo {
        kind: EventKind::Workshop,
        titles: &[
            "Workshop: {Topic} cho doanh nghiệp khởi nghiệp",
            "Workshop {Sector}: từ ý tưởng đến sản phẩm",
        ],
        content: ("chuyên gia chia sẻ công cụ thực hành, học viên làm bài tập theo nhóm trên chính dự án của mình.", "experts share practical tools and participants work in groups on their own projects."),
        audience: ("nhà sáng lập và đội ngũ khởi nghiệp", "founders and startup teams"),
    },
    EventKindInfo {
        kind: EventKind::Training,
        titles: &[
            "Khóa huấn luyện {topic} – {province} {year}",
            "Tập huấn khởi nghiệp đổi mới sáng tạo cơ bản – {province} {year}",
        ],
        content: ("khóa học gồm các học phần về mô hình kinh doanh, tài chính, sở hữu trí tuệ và kỹ năng gọi vốn, có cấp chứng nhận.", "the course covers business models, finance, intellectual property and fundraising, with a certificate."),
        audience: ("cán bộ hỗ trợ khởi nghiệp, giảng viên và nhà sáng lập", "startup support staff, lecturers and founders"),
    },
    EventKindInfo {
        kind: EventKind::Networking,
        titles: &[
            "Cà phê công nghệ #{n}: {Sector}",
            "Startup Networking Night {province_en} #{n}",
        ],
        content: ("buổi gặp gỡ thân mật kết nối nhà khoa học, doanh nghiệp và nhà đầu tư quanh một xu hướng công nghệ.", "an informal meet-up connecting scientists, companies and investors around a technology trend."),
        audience: ("cộng đồng khởi nghiệp và đổi mới sáng tạo", "the startup and innovation community"),
    },
    EventKindInfo {
        kind: EventKind::Conference,
        titles: &[
            "Đối thoại giữa chính quyền và doanh nghiệp khởi nghiệp {province} {year}",
            "Diễn đàn {Sector} {year}",
        ],
        content: ("lãnh đạo địa phương lắng nghe kiến nghị về chính sách, thủ tục và nguồn vốn cho khởi nghiệp.", "local leaders hear proposals on policy, procedures and access to capital."),
        audience: ("doanh nghiệp khởi nghiệp, hiệp hội và cơ quan quản lý", "startups, associations and government agencies"),
    },
    EventKindInfo {
        kind: EventKind::Fair,
        titles: &[
            "Techmart {Sector} {province} {year}",
            "Triển lãm sản phẩm khởi nghiệp đổi mới sáng tạo {province} {year}",
        ],
        content: ("hàng trăm gian hàng giới thiệu công nghệ, thiết bị và sản phẩm khởi nghiệp, có khu kết nối cung cầu công nghệ.", "hundreds of booths show technologies, equipment and startup products, with a technology matchmaking zone."),
        audience: ("doanh nghiệp, hợp tác xã, nhà khoa học và người mua công nghệ", "companies, cooperatives, scientists and technology buyers"),
    },
    EventKindInfo {
        kind: EventKind::StudyTour, titles: &["Hành trình khởi nghiệp: {province} – {province2} {year}"],
        content: ("đoàn tham quan các trung tâm đổi mới sáng tạo, vườn ươm và doanh nghiệp tiêu biểu để học hỏi mô hình.", "the delegation visits innovation centres, incubators and leading companies to learn from their models."),
        audience: ("nhóm khởi nghiệp, cán bộ hỗ trợ và giảng viên", "startup teams, support staff and lecturers"),
    },
];

// ---------------------------------------------------------------------------
// Tables: names
// ---------------------------------------------------------------------------

pub(super) const NAME_SUFFIXES: &[&str] = &[
    "Tech", "Hub", "Lab", "Link", "Go", "Care", "Sense", "Chain", "Flow", "Mate", "Box", "Way",
    "Net", "Loop", "Works", "Hive", "Pulse", "Nest", "Spark", "Bridge", "Plus", "One",
];
pub(super) const NAME_TIGHT_SUFFIXES: &[&str] = &["ly", "ify", "io", "X", "Pro", "AI", "Now"];
pub(super) const NAME_PREFIXES: &[&str] = &[
    "Viet", "Mekong", "Saigon", "Sen", "Lotus", "Delta", "Tre", "Mai", "Lac", "Nam", "Kita",
    "Bamboo", "Hanoi", "Song",
];
pub(super) const NAME_WORDS: &[&str] = &[
    "Xanh",
    "Việt",
    "Sen",
    "Mekong",
    "Mầm",
    "Tre",
    "Phù Sa",
    "Cửu Long",
    "Sông",
    "Mây",
    "Làng",
    "Hạt",
    "Đất",
    "Biển",
    "Sao",
    "Ánh",
    "An",
    "Phúc",
    "Hồng",
    "Lam",
    "Nắng",
    "Gió",
    "Lúa",
];

/// The commonest family names, with their rough shares.
pub(super) const FAMILY_NAMES: &[(&str, u32)] = &[
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 10),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 5),
    ("Phan", 5),
    ("Vũ", 4),
    ("Võ", 4),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 1),
    ("Ngô", 1),
    ("Dương", 1),
    ("Lý", 1),
];
pub(super) const MIDDLE_NAMES_MALE: &[&str] = &[
    "Văn", "Minh", "Hoàng", "Quốc", "Đức", "Thanh", "Hữu", "Công", "Anh", "Tuấn", "Gia",
];
pub(super) const MIDDLE_NAMES_FEMALE: &[&str] = &[
    "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Bích", "Thùy", "Khánh", "Mai",
];
pub(super) const GIVEN_NAMES_MALE: &[&str] = &[
    "An", "Bảo", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang", "Khoa", "Long",
    "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt", "Vinh",
];
pub(super) const GIVEN_NAMES_FEMALE: &[&str] = &[
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hương", "Lan", "Linh", "Mai", "Ngân",
    "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Trinh", "Uyên", "Vy", "Yến",
];
pub(super) const WESTERN_GIVEN_MALE: &[&str] = &[
    "David", "Michael", "Peter", "Daniel", "Kevin", "Thomas", "Andrew", "James",
];
pub(super) const WESTERN_GIVEN_FEMALE: &[&str] = &[
    "Anna", "Sarah", "Linda", "Emily", "Julia", "Sophie", "Helen", "Grace",
];
pub(super) const OVERSEAS_FAMILY_NAMES: &[&str] = &[
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Smith", "Tanaka", "Kim", "Lim", "Müller",
    "Dubois",
];

pub(super) const VC_NAMES: &[&str] = &[
    "Phù Sa",
    "Sông Hàn",
    "Trường Sơn",
    "Bạch Đằng",
    "Sao Khuê",
    "Tràng An",
    "Cửu Long",
    "Lạc Hồng",
    "Ngọc Trai",
    "Phương Nam",
    "Hoa Sen",
    "Rồng Xanh",
    "Hải Vân",
    "Tây Đô",
    "Kinh Bắc",
    "Mekong",
    "Bến Nghé",
    "Núi Ngự",
];
pub(super) const VC_TEMPLATES: &[(&str, &str)] = &[
    ("{x} Ventures", "{cx}ventures.vn"),
    ("{x} Capital", "{cx}capital.com"),
    ("Quỹ Đầu tư {x} Ventures", "{cx}.vc"),
    ("{x} Venture Partners", "{cx}vp.com"),
    ("Quỹ Đầu tư Khởi nghiệp {x}", "{cx}fund.vn"),
    ("{x} Seed Fund", "{cx}seed.vn"),
];
pub(super) const FOREIGN_VC_NAMES: &[&str] = &[
    "Monsoon",
    "Pacific Delta",
    "Bamboo Bridge",
    "Southbound",
    "Equator",
    "Archipelago",
    "Lantern",
    "Tidewater",
    "Junction Asia",
    "Harbourlight",
];
pub(super) const FOREIGN_VC_TEMPLATES: &[(&str, &str)] = &[
    ("{x} Ventures", "{cx}.vc"),
    ("{x} Capital (Singapore)", "{cx}capital.sg"),
    ("{x} Partners", "{cx}partners.com"),
];
pub(super) const CORPORATE_NAMES: &[&str] = &[
    "Hải Âu Xanh",
    "Đại Lộc Phát",
    "Minh Tâm Long",
    "Kim Ngân Việt",
    "An Phú Thịnh",
    "Sông Lam Xanh",
    "Phúc Hưng Long",
    "Nam Việt Tiến",
    "Thiên Ân Phát",
    "Hoàng Gia Mekong",
];
pub(super) const CORPORATE_TEMPLATES: &[(&str, &str)] = &[
    ("Quỹ Đổi mới sáng tạo Tập đoàn {x}", "{cx}group.vn"),
    ("{x} Corporate Ventures", "{cx}.com.vn"),
    ("Ban Đầu tư đổi mới – Tổng Công ty {x}", "{cx}corp.vn"),
    ("{x} Group CVC", "cvc.{cx}.vn"),
];
pub(super) const ACCELERATOR_NAMES: &[&str] = &[
    "Ươm Mầm",
    "Bệ Phóng",
    "Khởi Nguồn",
    "Cất Cánh",
    "Tăng Tốc Việt",
    "Rising Lotus",
    "Delta Launch",
    "Northstar Việt",
    "Mekong Rise",
    "Sao Mai",
];
pub(super) const ACCELERATOR_TEMPLATES: &[(&str, &str)] = &[
    ("{x} Accelerator", "{cx}accelerator.vn"),
    ("Chương trình Tăng tốc {x}", "{cx}.vn"),
    ("{x} Launchpad", "{cx}launchpad.vn"),
    ("{x} Startup Studio", "{cx}studio.vn"),
];
pub(super) const PUBLIC_FUND_TEMPLATES: &[(&str, &str)] = &[
    ("Quỹ Phát triển khoa học và công nghệ {province}", "quykhcn.{pd}.gov.vn"),
    ("Quỹ Hỗ trợ khởi nghiệp đổi mới sáng tạo {province}", "quykhoinghiep.{pd}.gov.vn"),
];

pub(super) const REAL_ORGANIZATIONS: &[RealOrg] = &[
    RealOrg {
        key: "natec", name: "Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ (NATEC)", kind: OrganizationKind::GovernmentAgency,
        province: "ha-noi", website: None,
        description: "Đơn vị thuộc Bộ Khoa học và Công nghệ, thường trực Đề án 844 “Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia”; tổ chức Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia (Techfest Việt Nam) và phối hợp với các địa phương như Cần Thơ tổ chức Techfest vùng. The agency of the Ministry of Science and Technology that runs Project 844 and Techfest Vietnam.",
    },
    RealOrg {
        key: "dost-hai-phong", name: "Sở Khoa học và Công nghệ thành phố Hải Phòng", kind: OrganizationKind::GovernmentAgency, province: "hai-phong",
        website: Some("https://skhcn.haiphong.gov.vn"),
        description: "Cơ quan thường trực Kế hoạch phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng giai đoạn 2021–2025: hỗ trợ 300 dự án khởi nghiệp, trong đó ít nhất 20% gọi vốn thành công từ nhà đầu tư; tổ chức Techfest Hải Phòng hằng năm; thu hút 150–200 huấn luyện viên, cố vấn, chuyên gia và nhà đầu tư.",
    },
    RealOrg {
        key: "dost-hung-yen", name: "Sở Khoa học và Công nghệ tỉnh Hưng Yên", kind: OrganizationKind::GovernmentAgency, province: "hung-yen",
        website: Some("https://skhcn.hungyen.gov.vn"),
        description: "Cơ quan chủ trì Kế hoạch 142/KH-UBND hỗ trợ khởi nghiệp đổi mới sáng tạo tỉnh Hưng Yên giai đoạn 2021–2025: đào tạo khoảng 10.000 lượt người, xây dựng 2 cơ sở ươm tạo và khu làm việc chung, mỗi huyện có câu lạc bộ khởi nghiệp, mỗi năm 3–5 dự án khởi nghiệp thành công.",
    },
    RealOrg {
        key: "dost-ho-chi-minh", name: "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", kind: OrganizationKind::GovernmentAgency,
        province: "ho-chi-minh", website: Some("https://dost.hochiminhcity.gov.vn"),
        description: "Cơ quan chủ trì Đề án hỗ trợ phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo Thành phố giai đoạn 2021–2025: ươm tạo 200 dự án, nâng cao năng lực đổi mới sáng tạo cho 600 doanh nghiệp; tổ chức WHISE và Giải thưởng I-Star, vận hành Sàn giao dịch công nghệ (Techport) và nền tảng đổi mới sáng tạo mở H.OIP. Runs WHISE, the I-Star award, Techport and the H.OIP open-innovation platform.",
    },
    RealOrg {
        key: "dost-can-tho", name: "Sở Khoa học và Công nghệ thành phố Cần Thơ", kind: OrganizationKind::GovernmentAgency, province: "can-tho",
        website: Some("https://skhcn.cantho.gov.vn"),
        description: "Cơ quan chủ trì Kế hoạch 135/KH-UBND: hỗ trợ ít nhất 50 ý tưởng, dự án khởi nghiệp; mỗi năm 3 sự kiện kết nối địa phương và 1 sự kiện cấp vùng; tổ chức Techfest Cần Thơ, Mekong Startup Runway và chương trình Trải nghiệm gọi vốn, hướng tới đưa Cần Thơ thành trung tâm khởi nghiệp đổi mới sáng tạo của vùng Đồng bằng sông Cửu Long vào năm 2030.",
    },
    RealOrg {
        key: "sihub", name: "Trung tâm Khởi nghiệp đổi mới sáng tạo Thành phố Hồ Chí Minh (SIHUB – Saigon Innovation Hub)",
        kind: OrganizationKind::SupportCenter, province: "ho-chi-minh", website: Some("https://sihub.hochiminhcity.gov.vn"),
        description: "Trung tâm trực thuộc Sở Khoa học và Công nghệ TP.HCM: không gian làm việc chung, chương trình ươm tạo và tăng tốc, huấn luyện kỹ năng gọi vốn, kết nối startup với quỹ đầu tư và doanh nghiệp lớn; đối tác của Cần Thơ trong các sự kiện khởi nghiệp cấp vùng. Saigon Innovation Hub offers co-working, incubation, acceleration and investor matchmaking.",
    },
    RealOrg {
        key: "castihub", name: "Trung tâm Hỗ trợ khởi nghiệp sáng tạo thành phố Cần Thơ (CASTI Hub)", kind: OrganizationKind::SupportCenter,
        province: "can-tho", website: Some("https://castihub.vn"),
        description: "Đầu mối hỗ trợ khởi nghiệp của Cần Thơ: vận hành diễn đàn trực tuyến castihub.vn và sàn giao dịch ý tưởng, sản phẩm khởi nghiệp; tổ chức tập huấn, chương trình Trải nghiệm gọi vốn và kết nối các dự án với nhà đầu tư trong vùng Đồng bằng sông Cửu Long. Cantho Startup and Innovation Hub.",
    },
    RealOrg {
        key: "hai-phong-startup-centre", name: "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng",
        kind: OrganizationKind::SupportCenter, province: "hai-phong", website: None,
        description: "Trung tâm hỗ trợ khởi nghiệp tổng hợp của thành phố theo Kế hoạch 2021–2025: tư vấn, đào tạo, ươm tạo và kết nối dự án với quỹ đầu tư, Chi nhánh VCCI tại Hải Phòng và các trường đại học, cao đẳng.",
    },
    RealOrg {
        key: "hai-phong-tech-exchange", name: "Sàn Giao dịch công nghệ và thiết bị Hải Phòng", kind: OrganizationKind::TechTransferOffice,
        province: "hai-phong", website: None,
        description: "Đơn vị thuộc Sở Khoa học và Công nghệ Hải Phòng: kết nối cung cầu công nghệ, hỗ trợ chuyển giao công nghệ và thương mại hóa sản phẩm khởi nghiệp.",
    },
    RealOrg {
        key: "hai-phong-youth-startup-club", name: "Câu lạc bộ Khởi nghiệp trẻ Hải Phòng (Thành đoàn Hải Phòng)", kind: OrganizationKind::StartupClub,
        province: "hai-phong", website: None,
        description: "Câu lạc bộ do Thành đoàn Hải Phòng bảo trợ, sinh hoạt hằng tháng cho thanh niên, sinh viên khởi nghiệp; phối hợp tổ chức Ngày hội học sinh, sinh viên khởi nghiệp và Techfest Hải Phòng.",
    },
    RealOrg {
        key: "vcci-hai-phong", name: "Phòng Thương mại và Công nghiệp Việt Nam – Chi nhánh Hải Phòng (VCCI Hải Phòng)",
        kind: OrganizationKind::Accelerator, province: "hai-phong", website: None,
        description: "Tổ chức thúc đẩy kinh doanh: đào tạo quản trị, xúc tiến thương mại và kết nối doanh nghiệp khởi nghiệp với cộng đồng doanh nghiệp vùng duyên hải Bắc Bộ.",
    },
    RealOrg {
        key: "hung-yen-innovation-centre", name: "Trung tâm Phát triển cộng đồng và Khởi nghiệp đổi mới sáng tạo tỉnh Hưng Yên",
        kind: OrganizationKind::SupportCenter, province: "hung-yen", website: None,
        description: "Trung tâm khởi nghiệp của tỉnh theo Kế hoạch 142/KH-UBND: đào tạo, tập huấn khởi nghiệp cho thanh niên, phụ nữ và nông dân; tư vấn, ươm tạo và kết nối dự án với mạng lưới cố vấn và nhà đầu tư của tỉnh.",
    },
    RealOrg {
        key: "hung-yen-coworking", name: "Khu làm việc chung – Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ Hưng Yên",
        kind: OrganizationKind::Coworking, province: "hung-yen", website: None,
        description: "Không gian làm việc chung và trưng bày sản phẩm khởi nghiệp tại Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ trực thuộc Sở Khoa học và Công nghệ Hưng Yên.",
    },
    RealOrg {
        key: "utehy-startup-centre", name: "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo – Trường Đại học Sư phạm Kỹ thuật Hưng Yên",
        kind: OrganizationKind::UniversityCenter, province: "hung-yen", website: Some("https://utehy.edu.vn"),
        description: "Cơ sở ươm tạo và cơ sở kỹ thuật đặt tại Trường Đại học Sư phạm Kỹ thuật Hưng Yên: xưởng chế tạo mẫu, đào tạo khởi nghiệp cho sinh viên kỹ thuật và ươm tạo các dự án cơ khí, điện tử, công nghệ thông tin. The startup centre of Hung Yen University of Technology and Education.",
    },
    RealOrg {
        key: "hung-yen-young-entrepreneurs-club", name: "Câu lạc bộ Khởi nghiệp – Hội Doanh nghiệp trẻ tỉnh Hưng Yên",
        kind: OrganizationKind::StartupClub, province: "hung-yen", website: None,
        description: "Câu lạc bộ kết nối doanh nhân trẻ với các dự án khởi nghiệp trên địa bàn tỉnh: chia sẻ kinh nghiệm, cố vấn và giới thiệu khách hàng.",
    },
    RealOrg {
        key: "techport", name: "Sàn giao dịch công nghệ Thành phố Hồ Chí Minh (Techport)", kind: OrganizationKind::TechTransferOffice,
        province: "ho-chi-minh", website: Some("https://techport.vn"),
        description: "Cổng thông tin đổi mới sáng tạo và chuyển giao công nghệ của Thành phố; tổ chức chuỗi sự kiện “Cà phê công nghệ” và Chợ Công nghệ và Thiết bị thường xuyên (Techmart Daily), cập nhật tài sản trí tuệ của hơn 20 trường đại học. The city's technology exchange and innovation portal.",
    },
    RealOrg {
        key: "vnuhcm-tto", name: "Văn phòng Chuyển giao công nghệ – Đại học Quốc gia Thành phố Hồ Chí Minh",
        kind: OrganizationKind::TechTransferOffice, province: "ho-chi-minh", website: None,
        description: "Tổ chức thương mại hóa kết quả nghiên cứu (TTO) trong đại học: đánh giá tiềm năng thương mại, đăng ký sở hữu trí tuệ, cấp phép công nghệ và hỗ trợ spin-off của giảng viên, sinh viên.",
    },
    RealOrg {
        key: "shtp-incubator", name: "Vườn ươm Doanh nghiệp Công nghệ cao – Khu Công nghệ cao Thành phố Hồ Chí Minh",
        kind: OrganizationKind::Incubator, province: "ho-chi-minh", website: None,
        description: "Cơ sở ươm tạo doanh nghiệp công nghệ cao: văn phòng, phòng thí nghiệm dùng chung và chương trình ươm tạo cho các dự án vi mạch, tự động hóa, công nghệ sinh học và vật liệu mới.",
    },
    RealOrg {
        key: "ctu-startup-centre", name: "Trung tâm Khởi nghiệp đổi mới sáng tạo – Trường Đại học Cần Thơ", kind: OrganizationKind::UniversityCenter,
        province: "can-tho", website: Some("https://www.ctu.edu.vn"),
        description: "Trung tâm khởi nghiệp của Trường Đại học Cần Thơ: ươm tạo ý tưởng của sinh viên và giảng viên trong nông nghiệp, thủy sản, công nghệ thực phẩm và môi trường; phối hợp tổ chức Startup and Student Innovation Award. Can Tho University's startup centre.",
    },
    RealOrg {
        key: "ctuet-incubator", name: "Vườn ươm khởi nghiệp – Trường Đại học Kỹ thuật - Công nghệ Cần Thơ", kind: OrganizationKind::Incubator,
        province: "can-tho", website: Some("https://www.ctuet.edu.vn"),
        description: "Cơ sở ươm tạo của Trường Đại học Kỹ thuật - Công nghệ Cần Thơ, hỗ trợ các dự án công nghệ thông tin, tự động hóa và công nghệ sinh học từ ý tưởng đến sản phẩm mẫu.",
    },
    RealOrg {
        key: "nctu-startup-club", name: "Câu lạc bộ Khởi nghiệp – Trường Đại học Nam Cần Thơ", kind: OrganizationKind::StartupClub,
        province: "can-tho", website: Some("https://nctu.edu.vn"),
        description: "Câu lạc bộ khởi nghiệp của sinh viên Trường Đại học Nam Cần Thơ: sinh hoạt chuyên đề, cuộc thi ý tưởng và kết nối sinh viên với doanh nghiệp trong các lĩnh vực y dược, kinh tế và công nghệ.",
    },
    RealOrg {
        key: "fpt-can-tho-startup-club", name: "Câu lạc bộ Khởi nghiệp sinh viên – Trường Đại học FPT Cần Thơ", kind: OrganizationKind::StartupClub,
        province: "can-tho", website: None,
        description: "Câu lạc bộ của sinh viên công nghệ thông tin và kinh doanh, thường xuyên tham gia Startup and Student Innovation Award và Techfest Cần Thơ.",
    },
    RealOrg {
        key: "vcci-can-tho", name: "Phòng Thương mại và Công nghiệp Việt Nam – Chi nhánh Cần Thơ (VCCI Cần Thơ)", kind: OrganizationKind::Accelerator,
        province: "can-tho", website: None,
        description: "Tổ chức thúc đẩy kinh doanh của vùng Đồng bằng sông Cửu Long: đào tạo, xúc tiến thương mại, đồng tổ chức Mekong Startup Runway và kết nối startup với doanh nghiệp trong vùng.",
    },
    RealOrg {
        key: "can-tho-business-association", name: "Hiệp hội Doanh nghiệp thành phố Cần Thơ (CBA)", kind: OrganizationKind::Accelerator,
        province: "can-tho", website: None,
        description: "Hiệp hội đồng hành cùng Sở Khoa học và Công nghệ trong các sự kiện kết nối, mạng lưới cố vấn khởi nghiệp và các điểm trưng bày sản phẩm khởi nghiệp của thành phố.",
    },
];

pub(super) const REAL_EVENTS: &[RealEvent] = &[
    RealEvent {
        key: "techfest-hai-phong-2025", title: "Techfest Hải Phòng 2025 – Ngày hội Khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng",
        kind: EventKind::Festival, starts_at: "2025-11-20T08:00:00+07:00", ends_at: Some("2025-11-21T17:00:00+07:00"), province: "hai-phong",
        organizer: "dost-hai-phong", website: None, sectors: &["industry-4", "logistics", "it", "ai"],
        description: "Ngày hội khởi nghiệp đổi mới sáng tạo thường niên của thành phố (Techfest Haiphong): triển lãm sản phẩm, phiên gọi vốn với các quỹ đầu tư, hội thảo về logistics, công nghiệp 4.0 và kinh tế biển, kết nối startup với Thành đoàn, Chi nhánh VCCI tại Hải Phòng và các trường đại học.\n\nTechfest Haiphong, the city's annual innovation and startup day: showcase, pitching to investors and talks on logistics and Industry 4.0.",
    },
    RealEvent {
        key: "techfest-can-tho-2025", title: "Techfest Cần Thơ 2025 – Ngày hội khởi nghiệp đổi mới sáng tạo Cần Thơ", kind: EventKind::Festival,
        starts_at: "2025-09-25T08:00:00+07:00", ends_at: Some("2025-09-26T17:00:00+07:00"), province: "can-tho", organizer: "dost-can-tho",
        website: None, sectors: &["agritech", "foodtech", "tourism"],
        description: "Ngày hội kết nối các thành phần hệ sinh thái khởi nghiệp của thành phố: gian hàng sản phẩm khởi nghiệp, tọa đàm về nông nghiệp công nghệ cao và chế biến nông sản, phiên gặp gỡ nhà đầu tư. Phối hợp với Thành đoàn Cần Thơ, VCCI Cần Thơ và các trường đại học.",
    },
    RealEvent {
        key: "techfest-mekong-2025", title: "Techfest Mekong 2025 – Ngày hội khởi nghiệp đổi mới sáng tạo vùng Đồng bằng sông Cửu Long",
        kind: EventKind::Festival, starts_at: "2025-12-11T08:00:00+07:00", ends_at: Some("2025-12-13T17:00:00+07:00"), province: "can-tho",
        organizer: "dost-can-tho", website: None, sectors: &["agritech", "indigenous-resources", "tourism", "cleantech"],
        description: "Sự kiện khởi nghiệp cấp vùng do Cần Thơ chủ trì cùng NATEC (Bộ Khoa học và Công nghệ) và SIHUB: trưng bày sản phẩm của 13 tỉnh, thành Đồng bằng sông Cửu Long, diễn đàn về thích ứng biến đổi khí hậu và tài nguyên bản địa, kết nối quỹ đầu tư trong và ngoài nước.\n\nThe Mekong Delta's regional startup festival, hosted by Can Tho with NATEC and SIHUB.",
    },
    RealEvent {
        key: "techfest-viet-nam-2025", title: "Techfest Việt Nam 2025 – Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia", kind: EventKind::Festival,
        starts_at: "2025-12-04T08:00:00+07:00", ends_at: Some("2025-12-06T17:00:00+07:00"), province: "ha-noi", organizer: "natec", website: None,
        sectors: &["ai", "fintech", "edtech", "agritech"],
        description: "Ngày hội khởi nghiệp quốc gia do Bộ Khoa học và Công nghệ tổ chức: các phiên kết nối đầu tư, triển lãm công nghệ, cuộc thi khởi nghiệp và gian hàng của các địa phương; Hải Phòng, Hưng Yên, TP.HCM và Cần Thơ đưa các dự án tiêu biểu tham dự.\n\nNational Startup Day (Techfest Vietnam): investor matchmaking, a technology expo and a startup competition.",
    },
    RealEvent {
        key: "whise-2025", title: "WHISE 2025 – Tuần lễ Đổi mới sáng tạo và Khởi nghiệp TP.HCM", kind: EventKind::Festival,
        starts_at: "2025-10-20T08:00:00+07:00", ends_at: Some("2025-10-26T17:00:00+07:00"), province: "ho-chi-minh", organizer: "dost-ho-chi-minh",
        website: None, sectors: &["ai", "fintech", "edtech", "healthtech"],
        description: "Chuỗi hội thảo, triển lãm và hoạt động kết nối trong một tuần, giới thiệu các hệ sinh thái đổi mới sáng tạo trọng điểm của Thành phố: trí tuệ nhân tạo, công nghệ tài chính, công nghệ giáo dục và y tế.\n\nHo Chi Minh City's innovation and startup week: a week of talks, exhibitions and networking.",
    },
    RealEvent {
        key: "i-star-2025", title: "Lễ trao Giải thưởng Đổi mới sáng tạo và Khởi nghiệp TP.HCM (I-Star) 2025", kind: EventKind::Competition,
        starts_at: "2025-12-18T14:00:00+07:00", ends_at: Some("2025-12-18T17:30:00+07:00"), province: "ho-chi-minh", organizer: "dost-ho-chi-minh",
        website: None, sectors: &["ai", "healthtech", "social-impact"],
        description: "Vinh danh cá nhân, doanh nghiệp và dự án khởi nghiệp đổi mới sáng tạo tiêu biểu của Thành phố ở các hạng mục sản phẩm, doanh nghiệp khởi nghiệp, tổ chức hỗ trợ và khởi nghiệp xã hội.",
    },
    RealEvent {
        key: "mekong-startup-runway-2026", title: "Mekong Startup Runway 2026 – Chủ đề: Nông nghiệp và tài nguyên bản địa",
        kind: EventKind::Competition, starts_at: "2026-05-22T08:00:00+07:00", ends_at: Some("2026-05-22T17:00:00+07:00"), province: "can-tho",
        organizer: "castihub", website: Some("https://castihub.vn"), sectors: &["agritech", "indigenous-resources", "tourism"],
        description: "Cuộc thi khởi nghiệp đổi mới sáng tạo của Cần Thơ, mỗi năm một chủ đề; năm 2026 dành cho nông nghiệp và tận dụng, phát triển tài nguyên bản địa. Các đội vào chung kết được cố vấn 6 tuần, gọi vốn trước doanh nghiệp lớn và quỹ đầu tư. Phối hợp: Thành đoàn, VCCI Cần Thơ, Hiệp hội Doanh nghiệp, Hội Liên hiệp Phụ nữ và Hội Nông dân thành phố.\n\nCan Tho's yearly startup competition; the 2026 theme is agriculture and indigenous resources.",
    },
    RealEvent {
        key: "startup-student-innovation-award-2026",
        title: "Startup and Student Innovation Award 2026 – Học sinh, sinh viên với ý tưởng khởi nghiệp sáng tạo", kind: EventKind::Competition,
        starts_at: "2026-04-18T08:00:00+07:00", ends_at: Some("2026-04-18T17:00:00+07:00"), province: "can-tho", organizer: "dost-can-tho",
        website: None, sectors: &["it", "edtech", "agritech"],
        description: "Cuộc thi ý tưởng khởi nghiệp dành cho học sinh, sinh viên trên địa bàn thành phố, phối hợp với Sở Giáo dục và Đào tạo, Thành đoàn, Trường Đại học Cần Thơ, Trường Đại học Kỹ thuật - Công nghệ Cần Thơ, Trường Đại học Nam Cần Thơ và Trường Đại học FPT. Ý tưởng đoạt giải được ươm tạo thành dự án.",
    },
    RealEvent {
        key: "ca-phe-cong-nghe-2025-09", title: "Cà phê công nghệ: Trí tuệ nhân tạo trong chăm sóc sức khỏe", kind: EventKind::Networking,
        starts_at: "2025-09-12T15:00:00+07:00", ends_at: Some("2025-09-12T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
        website: Some("https://techport.vn"), sectors: &["ai", "healthtech"],
        description: "Buổi cà phê kết nối nhà khoa học, bệnh viện và startup quanh ứng dụng AI trong chẩn đoán hình ảnh và khám bệnh từ xa. Technology coffee: AI in healthcare.",
    },
    RealEvent {
        key: "ca-phe-cong-nghe-2025-11", title: "Cà phê công nghệ: Nông nghiệp thông minh và truy xuất nguồn gốc", kind: EventKind::Networking,
        starts_at: "2025-11-14T15:00:00+07:00", ends_at: Some("2025-11-14T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
        website: Some("https://techport.vn"), sectors: &["agritech", "foodtech"],
        description: "Chia sẻ xu hướng IoT, cảm biến độ ẩm đất và truy xuất nguồn gốc nông sản; giới thiệu kết quả nghiên cứu của các trường đại học có tiềm năng thương mại hóa.",
    },
    RealEvent {
        key: "ca-phe-cong-nghe-2026-01", title: "Cà phê công nghệ: Thanh toán số và công nghệ tài chính", kind: EventKind::Networking,
        starts_at: "2026-01-16T15:00:00+07:00", ends_at: Some("2026-01-16T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
        website: Some("https://techport.vn"), sectors: &["fintech", "ecommerce"],
        description: "Thảo luận về ví điện tử, thanh toán QR, chấm điểm tín dụng và khung thể chế thử nghiệm (sandbox) cho fintech. Technology coffee on digital payments and fintech.",
    },
    RealEvent {
        key: "ca-phe-cong-nghe-2026-03", title: "Cà phê công nghệ: Chuyển đổi số trong giáo dục", kind: EventKind::Networking,
        starts_at: "2026-03-13T15:00:00+07:00", ends_at: Some("2026-03-13T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
        website: Some("https://techport.vn"), sectors: &["edtech", "ai"],
        description: "Gặp gỡ giữa nhà trường, doanh nghiệp edtech và nhà đầu tư về học liệu số, lớp học thông minh và trợ lý AI cho giáo viên.",
    },
    RealEvent {
        key: "techmart-daily-2025", title: "Techmart Daily – Chợ Công nghệ và Thiết bị TP.HCM: chuyên đề nông nghiệp công nghệ cao",
        kind: EventKind::Fair, starts_at: "2025-10-09T08:00:00+07:00", ends_at: Some("2025-10-11T17:00:00+07:00"), province: "ho-chi-minh",
        organizer: "techport", website: Some("https://techport.vn"), sectors: &["agritech", "industry-4"],
        description: "Trưng bày và kết nối cung cầu công nghệ, thiết bị cho nông nghiệp công nghệ cao: tưới tiết kiệm, nhà màng, cảm biến IoT, máy móc sau thu hoạch.",
    },
    RealEvent {
        key: "techmart-mekong-2026", title: "Techmart Đồng bằng sông Cửu Long 2026", kind: EventKind::Fair, starts_at: "2026-06-11T08:00:00+07:00",
        ends_at: Some("2026-06-13T17:00:00+07:00"), province: "can-tho", organizer: "dost-can-tho", website: None,
        sectors: &["agritech", "foodtech", "cleantech"],
        description: "Chợ công nghệ và thiết bị của vùng: công nghệ chế biến nông sản, xử lý nước nhiễm mặn, năng lượng tái tạo; điểm trưng bày sản phẩm khởi nghiệp của Cần Thơ và các tỉnh. Technology and equipment fair of the Mekong Delta.",
    },
    RealEvent {
        key: "trai-nghiem-goi-von-can-tho-2026", title: "Trải nghiệm gọi vốn 2026 – Chương trình thực hành gọi vốn cho dự án khởi nghiệp Cần Thơ",
        kind: EventKind::Pitching, starts_at: "2026-03-20T13:30:00+07:00", ends_at: Some("2026-03-20T17:30:00+07:00"), province: "can-tho",
        organizer: "castihub", website: Some("https://castihub.vn"), sectors: &["agritech", "foodtech", "ecommerce"],
        description: "Các dự án đã qua tập huấn kỹ năng gọi vốn thực hành thuyết trình trước nhà đầu tư thiên thần và quỹ đầu tư, nhận góp ý về mô hình kinh doanh, định giá và kế hoạch tài chính. Pitching practice with real investors.",
    },
    RealEvent {
        key: "sihub-demo-day-2026", title: "Demo Day chương trình ươm tạo SIHUB 2026", kind: EventKind::Pitching,
        starts_at: "2026-06-05T14:00:00+07:00", ends_at: Some("2026-06-05T17:30:00+07:00"), province: "ho-chi-minh", organizer: "sihub",
        website: Some("https://sihub.hochiminhcity.gov.vn"), sectors: &["ai", "fintech", "healthtech", "edtech"],
        description: "Các startup tốt nghiệp chương trình ươm tạo trình bày trước quỹ đầu tư mạo hiểm và doanh nghiệp lớn. Demo day of SIHUB's incubation programme.",
    },
    RealEvent {
        key: "hanh-trinh-khoi-nghiep-hung-yen-2025", title: "Hành trình khởi nghiệp 2025: Hưng Yên – Hà Nội – Bắc Ninh", kind: EventKind::StudyTour,
        starts_at: "2025-10-15T07:00:00+07:00", ends_at: Some("2025-10-17T18:00:00+07:00"), province: "hung-yen", organizer: "dost-hung-yen",
        website: None, sectors: &["agritech", "industry-4", "it"],
        description: "Đoàn nhóm khởi nghiệp của tỉnh học tập mô hình tại các trung tâm đổi mới sáng tạo, vườn ươm và doanh nghiệp công nghệ ở Hà Nội và Bắc Ninh, đồng thời kêu gọi đầu tư và tìm đối tác chuyển giao công nghệ.",
    },
    RealEvent {
        key: "hanh-trinh-khoi-nghiep-can-tho-2026", title: "Hành trình khởi nghiệp 2026: Cần Thơ – TP.HCM", kind: EventKind::StudyTour,
        starts_at: "2026-05-06T07:00:00+07:00", ends_at: Some("2026-05-08T18:00:00+07:00"), province: "can-tho", organizer: "castihub", website: None,
        sectors: &["agritech", "tourism", "ecommerce"],
        description: "Chuyến học tập tại SIHUB, Khu Công nghệ cao và các startup tiêu biểu của TP.HCM dành cho dự án khởi nghiệp và cán bộ hỗ trợ của Cần Thơ. A study tour to Ho Chi Minh City's innovation hubs.",
    },
    RealEvent {
        key: "ngay-hoi-phu-nu-khoi-nghiep-hung-yen-2026", title: "Ngày hội Phụ nữ khởi nghiệp tỉnh Hưng Yên 2026", kind: EventKind::Festival,
        starts_at: "2026-03-07T08:00:00+07:00", ends_at: Some("2026-03-07T16:30:00+07:00"), province: "hung-yen",
        organizer: "hung-yen-innovation-centre", website: None, sectors: &["social-impact", "foodtech", "ecommerce"],
        description: "Hưởng ứng phong trào “Phụ nữ Hưng Yên với khởi nghiệp đổi mới sáng tạo”, phối hợp với Hội Liên hiệp Phụ nữ tỉnh: trưng bày sản phẩm của hội viên, chia sẻ kinh nghiệm bán hàng trực tuyến và giới thiệu Quỹ hỗ trợ phụ nữ khởi nghiệp. Women's startup day.",
    },
    RealEvent {
        key: "ngay-hoi-hssv-khoi-nghiep-hai-phong-2026", title: "Ngày hội Học sinh, sinh viên khởi nghiệp Hải Phòng 2026", kind: EventKind::Festival,
        starts_at: "2026-04-10T08:00:00+07:00", ends_at: Some("2026-04-10T17:00:00+07:00"), province: "hai-phong",
        organizer: "hai-phong-youth-startup-club", website: None, sectors: &["it", "edtech", "logistics"],
        description: "Ngày hội dành cho học sinh, sinh viên các trường đại học, cao đẳng trên địa bàn: thi ý tưởng, gian hàng sản phẩm và giao lưu với doanh nhân trẻ. Students' startup day, with an idea contest and meet-the-founders sessions.",
    },
    RealEvent {
        key: "tap-huan-khoi-nghiep-co-ban-can-tho-2026", title: "Tập huấn kiến thức khởi nghiệp đổi mới sáng tạo cơ bản 2026",
        kind: EventKind::Training, starts_at: "2026-02-24T08:00:00+07:00", ends_at: Some("2026-02-25T16:30:00+07:00"), province: "can-tho",
        organizer: "castihub", website: Some("https://castihub.vn"), sectors: &["agritech", "it", "tourism"],
        description: "Khóa tập huấn cơ bản trong kế hoạch hằng năm của thành phố: tư duy khởi nghiệp, mô hình kinh doanh, sở hữu trí tuệ và các chính sách hỗ trợ của Nhà nước.",
    },
    RealEvent {
        key: "huan-luyen-goi-von-sihub-2025", title: "Khóa huấn luyện Kỹ năng gọi vốn và định giá startup", kind: EventKind::Training,
        starts_at: "2025-11-04T08:30:00+07:00", ends_at: Some("2025-11-06T16:30:00+07:00"), province: "ho-chi-minh", organizer: "sihub",
        website: Some("https://sihub.hochiminhcity.gov.vn"), sectors: &["fintech", "ai", "edtech"],
        description: "Huấn luyện kỹ năng gọi vốn, xây dựng hồ sơ gọi vốn (pitch deck), định giá và điều khoản đầu tư cho các dự án khởi nghiệp đổi mới sáng tạo. Fundraising and valuation bootcamp.",
    },
    RealEvent {
        key: "tap-huan-phu-nu-khoi-nghiep-hung-yen-2025", title: "Tập huấn khởi nghiệp cho phụ nữ: mô hình kinh doanh mới và bán hàng trực tuyến",
        kind: EventKind::Training, starts_at: "2025-09-16T08:00:00+07:00", ends_at: Some("2025-09-17T16:30:00+07:00"), province: "hung-yen",
        organizer: "hung-yen-innovation-centre", website: None, sectors: &["ecommerce", "foodtech", "social-impact"],
        description: "Khóa tập huấn dành cho hội viên phụ nữ về mô hình, phương thức sản xuất kinh doanh mới, thương mại điện tử và xây dựng thương hiệu cho sản phẩm OCOP.",
    },
    RealEvent {
        key: "workshop-so-huu-tri-tue-2025", title: "Workshop: Khai thác tài sản trí tuệ cho doanh nghiệp khởi nghiệp", kind: EventKind::Workshop,
        starts_at: "2025-10-02T13:30:00+07:00", ends_at: Some("2025-10-02T17:00:00+07:00"), province: "ho-chi-minh", organizer: "vnuhcm-tto",
        website: None, sectors: &["ai", "it", "healthtech"],
        description: "Hướng dẫn đăng ký, định giá và khai thác sáng chế, kiểu dáng, nhãn hiệu; cấp phép công nghệ từ trường đại học cho startup. A hands-on workshop on exploiting intellectual property.",
    },
    RealEvent {
        key: "workshop-chuyen-doi-so-htx-hung-yen-2026", title: "Workshop: Chuyển đổi số cho hợp tác xã nông nghiệp và chủ thể OCOP",
        kind: EventKind::Workshop, starts_at: "2026-05-19T08:30:00+07:00", ends_at: Some("2026-05-19T11:30:00+07:00"), province: "hung-yen",
        organizer: "hung-yen-coworking", website: None, sectors: &["agritech", "ecommerce"],
        description: "Thực hành truy xuất nguồn gốc bằng mã QR, bán hàng trên sàn thương mại điện tử và quản lý đơn hàng cho hợp tác xã nhãn, vải và rau an toàn của tỉnh.",
    },
    RealEvent {
        key: "doi-thoai-startup-hai-phong-2025", title: "Đối thoại giữa lãnh đạo thành phố và doanh nghiệp khởi nghiệp Hải Phòng 2025",
        kind: EventKind::Conference, starts_at: "2025-11-21T14:00:00+07:00", ends_at: Some("2025-11-21T17:00:00+07:00"), province: "hai-phong",
        organizer: "dost-hai-phong", website: None, sectors: &["logistics", "industry-4"],
        description: "Buổi đối thoại giữa cơ quan quản lý và doanh nghiệp khởi nghiệp về thủ tục, chính sách hỗ trợ, đất đai và tiếp cận vốn, trong khuôn khổ Techfest Hải Phòng 2025.",
    },
    RealEvent {
        key: "dien-dan-khoi-nghiep-dbscl-2025", title: "Diễn đàn Khởi nghiệp đổi mới sáng tạo Đồng bằng sông Cửu Long 2025",
        kind: EventKind::Conference, starts_at: "2025-12-12T08:00:00+07:00", ends_at: Some("2025-12-12T11:30:00+07:00"), province: "can-tho",
        organizer: "dost-can-tho", website: None, sectors: &["agritech", "indigenous-resources", "cleantech"],
        description: "Diễn đàn chính sách trong khuôn khổ Techfest Mekong: liên kết vùng, mạng lưới cố vấn khởi nghiệp và vai trò của Cần Thơ là trung tâm khởi nghiệp của vùng. A policy forum on the Mekong Delta's startup ecosystem.",
    },
];

pub(super) const PUBLIC_FUNDS: &[RealFund] = &[
    RealFund {
        key: "natif", name: "Quỹ Đổi mới công nghệ quốc gia (NATIF)", website: Some("https://natif.vn"),
        sectors: &["industry-4", "ai", "agritech", "cleantech"], stages: &[Stage::Mvp, Stage::Seed, Stage::SeriesA],
        ticket: (500_000_000, 10_000_000_000), provinces: &[],
        thesis: "Quỹ thuộc Bộ Khoa học và Công nghệ: tài trợ, cho vay ưu đãi và hỗ trợ lãi suất vay cho doanh nghiệp khởi nghiệp đổi mới sáng tạo thực hiện dự án đổi mới, chuyển giao và hoàn thiện công nghệ; ưu tiên công nghệ công nghiệp 4.0, trí tuệ nhân tạo, nông nghiệp công nghệ cao và năng lượng sạch.\n\nThe National Technology Innovation Fund provides grants, concessional loans and interest support for technology innovation and transfer projects.",
    },
    RealFund {
        key: "nafosted", name: "Quỹ Phát triển khoa học và công nghệ quốc gia (NAFOSTED)", website: Some("https://nafosted.gov.vn"),
        sectors: &["ai", "healthtech", "agritech", "it"], stages: &[Stage::Idea, Stage::Mvp], ticket: (300_000_000, 5_000_000_000), provinces: &[],
        thesis: "Tài trợ nhiệm vụ nghiên cứu cơ bản và ứng dụng, hỗ trợ nhóm nghiên cứu trẻ và các dự án khởi nghiệp hình thành từ kết quả nghiên cứu khoa học; ưu tiên trí tuệ nhân tạo, y sinh, nông nghiệp và công nghệ thông tin. Funds research that can grow into deep-tech startups.",
    },
    RealFund {
        key: "smedf", name: "Quỹ Hỗ trợ phát triển doanh nghiệp nhỏ và vừa (SMEDF)", website: Some("https://smedf.gov.vn"),
        sectors: &["foodtech", "ecommerce", "logistics", "industry-4"], stages: &[Stage::Mvp, Stage::Seed, Stage::SeriesA],
        ticket: (1_000_000_000, 20_000_000_000), provinces: &[],
        thesis: "Cho vay ưu đãi với lãi suất thấp dành cho doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo, tham gia cụm liên kết ngành và chuỗi giá trị, có phương án sản xuất kinh doanh khả thi. Concessional loans for innovative small and medium-sized enterprises.",
    },
    RealFund {
        key: "quy-ho-tro-phu-nu-khoi-nghiep-hung-yen", name: "Quỹ Hỗ trợ phụ nữ khởi nghiệp – Hội Liên hiệp Phụ nữ tỉnh Hưng Yên", website: None,
        sectors: &[
            "social-impact",
            "foodtech",
            "indigenous-resources",
            "ecommerce",
        ],
        stages: &[Stage::Idea, Stage::Mvp], ticket: (20_000_000, 300_000_000), provinces: &["hung-yen"],
        thesis: "Nguồn vốn vay không lãi hoặc lãi suất ưu đãi giúp hội viên phụ nữ hiện thực hóa ý tưởng khởi nghiệp: sản xuất nông sản sạch, chế biến đặc sản, thủ công mỹ nghệ và kinh doanh trực tuyến; đi kèm tập huấn và kết nối thị trường của Hội.",
    },
    RealFund {
        key: "quy-quoc-gia-ve-viec-lam", name: "Quỹ Quốc gia về việc làm", website: None,
        sectors: &["social-impact", "agritech", "tourism", "foodtech"], stages: &[Stage::Idea, Stage::Mvp], ticket: (50_000_000, 2_000_000_000),
        provinces: &[],
        thesis: "Cho vay ưu đãi tạo việc làm cho thanh niên, người lao động và cơ sở sản xuất kinh doanh, trong đó có thanh niên khởi nghiệp theo chỉ đạo của Trung ương Đoàn. Concessional loans that create jobs, including for young founders.",
    },
];
