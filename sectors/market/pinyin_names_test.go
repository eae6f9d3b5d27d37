package market

import (
	"slices"
	"strings"
	"testing"
)

// realNames are names of the securities master with the initials and full
// pinyin investors type for them (the common reading, first).
var realNames = []struct{ name, initials, full string }{
	{"平安银行", "payh", "pinganyinhang"},
	{"重庆银行", "cqyh", "chongqingyinhang"},
	{"厦门银行", "xmyh", "xiamenyinhang"},
	{"西藏药业", "xzyy", "xizangyaoye"},
	{"长江电力", "cjdl", "changjiangdianli"},
	{"长城汽车", "ccqc", "changchengqiche"},
	{"长安汽车", "caqc", "changanqiche"},
	{"长春高新", "ccgx", "changchungaoxin"},
	{"成都银行", "cdyh", "chengduyinhang"},
	{"藏格矿业", "zgky", "zanggekuangye"},
	{"朝阳科技", "cykj", "chaoyangkeji"},
	{"乐山电力", "lsdl", "leshandianli"},
	{"万  科Ａ", "wka", "wankea"},
	{"五 粮 液", "wly", "wuliangye"},
	{"深天马Ａ", "stma", "shentianmaa"},
	{"贵州茅台", "gzmt", "guizhoumaotai"},
	{"招商银行", "zsyh", "zhaoshangyinhang"},
	{"工商银行", "gsyh", "gongshangyinhang"},
	{"中国平安", "zgpa", "zhongguopingan"},
	{"宁德时代", "ndsd", "ningdeshidai"},
	{"比亚迪", "byd", "biyadi"},
	{"美的集团", "mdjt", "meidijituan"},
	{"格力电器", "gldq", "gelidianqi"},
	{"海康威视", "hkws", "haikangweishi"},
	{"东阿阿胶", "deej", "dongeejiao"},
	{"云南白药", "ynby", "yunnanbaiyao"},
	{"片仔癀", "pzh", "pianzaihuang"},
	{"恒瑞医药", "hryy", "hengruiyiyao"},
	{"中信证券", "zxzq", "zhongxinzhengquan"},
	{"东方财富", "dfcf", "dongfangcaifu"},
	{"科大讯飞", "kdxf", "kedaxunfei"},
	{"金山办公", "jsbg", "jinshanbangong"},
	{"中芯国际", "zxgj", "zhongxinguoji"},
	{"隆基绿能", "ljln", "longjilvneng"},
	{"迈瑞医疗", "mryl", "mairuiyiliao"},
	{"伊利股份", "ylgf", "yiligufen"},
	{"海天味业", "htwy", "haitianweiye"},
	{"洋河股份", "yhgf", "yanghegufen"},
	{"泸州老窖", "lzlj", "luzhoulaojiao"},
	{"山西汾酒", "sxfj", "shanxifenjiu"},
	{"重庆啤酒", "cqpj", "chongqingpijiu"},
	{"长虹美菱", "chml", "changhongmeiling"},
	{"四川长虹", "scch", "sichuanchanghong"},
	{"华夏银行", "hxyh", "huaxiayinhang"},
	{"兴业银行", "xyyh", "xingyeyinhang"},
	{"交通银行", "jtyh", "jiaotongyinhang"},
	{"民生银行", "msyh", "minshengyinhang"},
	{"浦发银行", "pfyh", "pufayinhang"},
	{"中国银行", "zgyh", "zhongguoyinhang"},
	{"长沙银行", "csyh", "changshayinhang"},
	{"张家港行", "zjgh", "zhangjiaganghang"},
	{"重药控股", "cykg", "chongyaokonggu"},
	{"世联行", "slh", "shilianhang"},
	{"会稽山", "kjs", "kuaijishan"},
	{"广弘控股", "ghkg", "guanghongkonggu"},
	{"中国重汽", "zgzq", "zhongguozhongqi"},
	{"潍柴动力", "wcdl", "weichaidongli"},
	{"京东方Ａ", "jdfa", "jingdongfanga"},
	{"柳    工", "lg", "liugong"},
	{"中 关 村", "zgc", "zhongguancun"},
	{"佛山照明", "fszm", "foshanzhaoming"},
	{"厦门钨业", "xmwy", "xiamenwuye"},
	{"西藏天路", "xztl", "xizangtianlu"},
	{"长源电力", "cydl", "changyuandianli"},
	{"佳都科技", "jdkj", "jiadukeji"},
	{"成都燃气", "cdrq", "chengduranqi"},
	{"九号公司-WD", "jhgswd", "jiuhaogongsiwd"},
	{"飞乐音响", "flyx", "feileyinxiang"},
	{"劲旅环境", "jlhj", "jinlvhuanjing"},
	{"乐歌股份", "lggf", "legegufen"},
	{"首都在线", "sdzx", "shouduzaixian"},
	{"仁和药业", "rhyy", "renheyaoye"},
	{"永安行", "yax", "yonganxing"},
}

func TestPinyinOfRealNames(t *testing.T) {
	if len(realNames) < 60 {
		t.Fatalf("only %d names", len(realNames))
	}
	byName := map[string]Security{}
	for _, s := range Master() {
		byName[s.Official] = s
	}
	for _, c := range realNames {
		s, ok := byName[c.name]
		if !ok {
			t.Errorf("%s is not in the master", c.name)
			continue
		}
		if s.Initials[0] != c.initials || s.Full[0] != c.full {
			t.Errorf("%s (%s) reads %s/%s, want %s/%s", c.name, s.Code, s.Initials[0], s.Full[0], c.initials, c.full)
		}
	}
}

// Readings nobody uses find nothing: a name is read by its phrases, not by
// every reading of every character.
func TestWrongReadingsFindNothing(t *testing.T) {
	// as a search would: no key starts with a wrong reading
	wrong := []string{"zhongqingyinhang", "xicang", "shamen", "pinganyinxing", "zhangjiangdianli", "zhangcheng", "zhangchun", "yhkg", "chengdou", "canggekuangye", "xiamenyinxing"}
	for _, s := range Master() {
		for _, k := range append(slices.Clone(s.Initials), s.Full...) {
			for _, w := range wrong {
				if strings.HasPrefix(k, w) {
					t.Errorf("%s %s has key %q: the wrong reading %q finds it", s.Code, s.Name, k, w)
				}
			}
			if strings.Contains(s.Name, "控股") && strings.Contains(k, "qianggu") {
				t.Errorf("%s %s has key %q: 控股 is konggu", s.Code, s.Name, k)
			}
		}
	}
	// a phrase's second reading is kept where a real name uses it
	if ini, _ := PinyinKeys("朝阳科技"); !slices.Equal(ini, []string{"cykj", "zykj"}) {
		t.Errorf("朝阳科技 initials %v, want cykj then zykj", ini)
	}
	// /yh on the whole market: banks and names with 银行 come before 广弘控股
	var yh []string
	for _, s := range Master() {
		if strings.HasPrefix(s.Initials[0], "yh") {
			yh = append(yh, s.Name)
		}
	}
	if slices.Contains(yh, "广弘控股") {
		t.Errorf("yh still finds 广弘控股")
	}
}

func TestNameSyllables(t *testing.T) {
	if got := NameSyllables("重庆银行"); !slices.Equal(got, []string{"chong", "qing", "yin", "hang"}) {
		t.Errorf("NameSyllables(重庆银行) = %v", got)
	}
}
