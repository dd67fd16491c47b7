package web

import "boussole/internal/access"

// sharingRoutes registers capitalisation (issue 16): what the authority shares with its peers, the library
// of peers' shared strategies, the copy of a peer's elements into a draft, the atlas of who cooperates
// where, and the joint projects (consortiums) proposed from it. Peers' pages read only shares, never another authority's own records.
func (s *Server) sharingRoutes(ws routeFunc) {
	ws("GET /ct/{slug}/partage", access.ManageSharing, s.showSharing)
	ws("POST /ct/{slug}/partage", access.ManageSharing, s.saveSharing)
	ws("GET /ct/{slug}/partage/retrait", access.ManageSharing, s.confirmWithdrawShare)
	ws("POST /ct/{slug}/partage/retrait", access.ManageSharing, s.withdrawShare)
	ws("GET /ct/{slug}/bibliotheque", access.ReadPeers, s.showLibrary)
	ws("GET /ct/{slug}/bibliotheque/{share}", access.ReadPeers, s.showPeerStrategy)
	ws("GET /ct/{slug}/bibliotheque/{share}/reprendre", access.EditContent, s.showCopyFromPeer)
	ws("POST /ct/{slug}/bibliotheque/{share}/reprendre", access.EditContent, s.copyFromPeer)
	ws("GET /ct/{slug}/atlas", access.ReadPeers, s.showAtlas)
	ws("GET /ct/{slug}/atlas.csv", access.ReadPeers, s.exportAtlas)
	ws("GET /ct/{slug}/lecons", access.ViewInternal, s.listLessons)
	ws("POST /ct/{slug}/lecons", access.EditContent, s.createLesson)
	ws("GET /ct/{slug}/lecons/{lesson}", access.ViewInternal, s.showLesson)
	ws("POST /ct/{slug}/lecons/{lesson}", access.EditContent, s.updateLesson)
	ws("GET /ct/{slug}/lecons/{lesson}/suppression", access.EditContent, s.confirmDeleteLesson)
	ws("POST /ct/{slug}/lecons/{lesson}/suppression", access.EditContent, s.deleteLesson)
	ws("GET /ct/{slug}/consortiums", access.ReadPeers, s.listConsortiums)
	ws("GET /ct/{slug}/consortiums/nouveau", access.ManageStrategy, s.showProposeConsortium)
	ws("POST /ct/{slug}/consortiums", access.ManageStrategy, s.proposeConsortium)
	ws("GET /ct/{slug}/consortiums/{consortium}", access.ReadPeers, s.showConsortium)
	ws("POST /ct/{slug}/consortiums/{consortium}/reponse", access.ManageStrategy, s.answerConsortium)
	ws("POST /ct/{slug}/consortiums/{consortium}/part", access.ManageStrategy, s.setConsortiumShare)
	ws("POST /ct/{slug}/consortiums/{consortium}/calendrier", access.ManageStrategy, s.addConsortiumEvent)
}
