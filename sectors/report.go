package sectors

import (
	"time"
	"zixuan/sectors/market"
)

// Source says where a rating came from: the report, the user, or a file.
type Source struct {
	ID             string    `json:"id"`
	Title          string    `json:"title,omitempty"`
	Date           time.Time `json:"date,omitempty"`
	Industry       string    `json:"industry,omitempty"`
	IndustryRating string    `json:"industry_rating,omitempty"`
}

// SourceUser marks a rating the user set by hand.
const SourceUser = "user"

// ReportSourceID is the source id of the seed report's ratings.
const ReportSourceID = "report-2024-05-12"

// Report is the broker's computer-industry weekly the first watchlist comes
// from. The PDF names no analyst in the text we have; the industry rating is
// 看好 (positive), maintained from the previous issue.
var Report = Source{
	ID:             ReportSourceID,
	Title:          "国产模型迭代持续超预期，美国制裁22家国内量子技术机构",
	Date:           time.Date(2024, 5, 12, 0, 0, 0, 0, market.China),
	Industry:       "计算机",
	IndustryRating: "看好（维持）",
}

// SectorDef is one of the report's sectors: a stable id, names in both
// languages and the report's own thesis for it.
type SectorDef struct {
	ID       string
	Name     string // English
	NameZH   string // Chinese
	Thesis   string // the report's paragraph, in Chinese
	ThesisEN string // a one-line English summary
}

// Report sector ids.
const (
	SectorAI            = "ai"
	SectorCompute       = "compute"
	SectorManufacturing = "manufacturing"
	SectorQuantum       = "quantum"
)

// ReportSectors are the report's four sectors in its order. The theses are
// the "核心观点" paragraphs, with the OCR's misreadings corrected
// (通义干问 → 通义千问).
var ReportSectors = []SectorDef{
	{
		ID: SectorAI, Name: "AI applications", NameZH: "AI 应用",
		Thesis:   "国内大模型持续超预期：近期，国内众多模型进行了迭代与更新，包括商汤日日新5.0、幻方DeepSeek-V2、生数科技Vidu、通义千问2.5，这些模型在整体能力、部署方式、推理成本等各方面均有明显进展与优化，而Kimi、秘塔搜索、360AI搜索等应用在4月份访问量方面也有较明显环比增长。我们坚信，国内模型正在逐步跨过“可用”到“好用”的门槛，AI应用的落地与普及前景乐观。",
		ThesisEN: "Chinese foundation models keep beating expectations and crossing from usable to good; the outlook for AI applications is optimistic.",
	},
	{
		ID: SectorCompute, Name: "Compute", NameZH: "算力",
		Thesis:   "算力个股有望持续表现。国内大模型从能力迭代到产品推广均呈现可喜进展，将带来算力需求提升；另一方面，国家数据局强调加快推进数字基建，上海、广东等地纷纷出台算力领域规划。而从Q1业绩来看，浪潮信息、海光信息、工业富联等公司均超预期。",
		ThesisEN: "Model progress lifts demand for compute, digital-infrastructure policy adds to it, and Q1 results of compute names beat expectations.",
	},
	{
		ID: SectorManufacturing, Name: "Manufacturing digitalization", NameZH: "制造业数字化",
		Thesis:   "设备更新将带动制造业以及交通、市政等领域数字化需求增长。国务院常务会议周五审议通过《制造业数字化转型行动方案》，提出要加大对中小企业数字化转型的支持，与开展大规模设备更新行动、实施技术改造升级工程等有机结合。我们认为，设备更新将有效带动制造业、交通以及市政等领域数字化需求。",
		ThesisEN: "The State Council's equipment-renewal and manufacturing digital-transformation plans should drive digitalization demand in manufacturing, transport and municipal work.",
	},
	{
		ID: SectorQuantum, Name: "Quantum & low-altitude economy", NameZH: "量子技术与低空经济",
		Thesis:   "量子技术与低空经济有望反复活跃。两会后，各地对低空经济等领域持续出台政策，量子技术近期也不断有新的进展与突破，相关产业目前均处发展早期，未来有着较大的空间，相关领域有望反复活跃。美国5月9日将中国37家企业列入实体清单，其中22个与量子技术相关，凸显量子技术的重要性以及在未来科技发展中的重要作用。",
		ThesisEN: "Local low-altitude-economy policies and quantum breakthroughs (22 of 37 newly US-sanctioned entities are quantum-related) should keep both themes active.",
	},
}

// ReportSector returns the report sector with id, if there is one.
func ReportSector(id string) (SectorDef, bool) {
	for _, s := range ReportSectors {
		if s.ID == id {
			return s, true
		}
	}
	return SectorDef{}, false
}

// SeedTicker is one of the report's 25 recommendations.
type SeedTicker struct {
	Code       market.Code
	ReportName string // the short name when the report was written
	Sector     string
	Rating     Rating
}

// ReportTickers are the report's "投资建议与投资标的", in its order. Names are
// the exchange short names as of the report (the OCR's 干方科技 is 千方科技);
// three have changed since, which Master shows: 688256 寒武纪-U → 寒武纪,
// 603300 华铁应急 → 海南华铁, 688201 信安世纪 → ST信安.
var ReportTickers = []SeedTicker{
	{market.MustParseCode("688111"), "金山办公", SectorAI, Overweight},
	{market.MustParseCode("688088"), "虹软科技", SectorAI, Unrated},
	{market.MustParseCode("688590"), "新致软件", SectorAI, Unrated},
	{market.MustParseCode("300634"), "彩讯股份", SectorAI, Buy},
	{market.MustParseCode("688031"), "星环科技-U", SectorAI, Unrated},
	{market.MustParseCode("002230"), "科大讯飞", SectorAI, Buy},

	{market.MustParseCode("688041"), "海光信息", SectorCompute, Buy},
	{market.MustParseCode("000977"), "浪潮信息", SectorCompute, Unrated},
	{market.MustParseCode("603019"), "中科曙光", SectorCompute, Buy},
	{market.MustParseCode("688256"), "寒武纪-U", SectorCompute, Unrated},
	{market.MustParseCode("300442"), "润泽科技", SectorCompute, Unrated},
	{market.MustParseCode("603300"), "华铁应急", SectorCompute, Buy},
	{market.MustParseCode("301085"), "亚康股份", SectorCompute, Unrated},

	{market.MustParseCode("688777"), "中控技术", SectorManufacturing, Buy},
	{market.MustParseCode("688188"), "柏楚电子", SectorManufacturing, Unrated},
	{market.MustParseCode("600845"), "宝信软件", SectorManufacturing, Unrated},
	{market.MustParseCode("301129"), "瑞纳智能", SectorManufacturing, Buy},
	{market.MustParseCode("002373"), "千方科技", SectorManufacturing, Unrated},
	{market.MustParseCode("301339"), "通行宝", SectorManufacturing, Unrated},

	{market.MustParseCode("688027"), "国盾量子", SectorQuantum, Unrated},
	{market.MustParseCode("000555"), "神州信息", SectorQuantum, Buy},
	{market.MustParseCode("003029"), "吉大正元", SectorQuantum, Unrated},
	{market.MustParseCode("688201"), "信安世纪", SectorQuantum, Unrated},
	{market.MustParseCode("688631"), "莱斯信息", SectorQuantum, Unrated},
	{market.MustParseCode("688568"), "中科星图", SectorQuantum, Unrated},
}

// The report's names that have changed since are former names a user may
// still type.
func init() {
	for _, t := range ReportTickers {
		market.AddFormerName(t.Code, t.ReportName)
	}
}
